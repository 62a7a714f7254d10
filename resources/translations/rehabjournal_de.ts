<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About rehabjournal</source>
        <translation>Über rehabjournal</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>&amp;Lizenzen</translation>
    </message>
    <message>
        <source>rehabjournal is free software: you can share and change it under the GNU General Public License, version 3 or any later version. It comes with no warranty. It uses Qt and PySide6 (Copyright The Qt Company Ltd.) under the GNU Lesser General Public License, version 3. The Licences tab has these licences and the notices of every other part.</source>
        <translation>rehabjournal ist freie Software: Sie können es unter der GNU General Public License, Version 3 oder jeder späteren Version, weitergeben und verändern. Es wird ohne jede Gewährleistung bereitgestellt. Es verwendet Qt und PySide6 (Copyright The Qt Company Ltd.) unter der GNU Lesser General Public License, Version 3. Der Reiter Lizenzen enthält diese Lizenzen und die Hinweise zu allen anderen Bestandteilen.</translation>
    </message>
    <message>
        <source>rehabjournal {version} runs with Qt {qt}, PySide6 {pyside} and Python {python}. Its source: {url}</source>
        <translation>rehabjournal {version} läuft mit Qt {qt}, PySide6 {pyside} und Python {python}. Quellcode: {url}</translation>
    </message>
    <message>
        <source>Licences and notices</source>
        <translation>Lizenzen und Hinweise</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lizenztext</translation>
    </message>
    <message>
        <source>This file is missing from this installation. rehabjournal&apos;s licence and notices are also at {url}</source>
        <translation>Diese Datei fehlt in dieser Installation. Die Lizenz und die Hinweise von rehabjournal finden Sie auch unter {url}</translation>
    </message>
    <message>
        <source>rehabjournal: GNU General Public License, version 3 or later</source>
        <translation>rehabjournal: GNU General Public License, Version 3 oder später</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Hinweise zu Drittkomponenten</translation>
    </message>
    <message>
        <source>Third-party notices: overview</source>
        <translation>Hinweise zu Drittkomponenten: Übersicht</translation>
    </message>
</context>
<context>
    <name>Activities</name>
    <message>
        <source>run</source>
        <extracomment>``scales.ACTIVITY_KINDS`` as shown.</extracomment>
        <translation>Laufen</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>Gehen</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>Radfahren</translation>
    </message>
    <message>
        <source>swim</source>
        <translation>Schwimmen</translation>
    </message>
    <message>
        <source>rehab exercises</source>
        <translation>Reha-Übungen</translation>
    </message>
    <message>
        <source>gym</source>
        <translation>Fitnessstudio</translation>
    </message>
    <message>
        <source>sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>hike</source>
        <translation>Wandern</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>ActivityFilesTab</name>
    <message>
        <source>Sports in the files and the activities they become</source>
        <translation>Sportarten der Dateien und ihre Aktivitäten</translation>
    </message>
    <message>
        <source>Each file names its sport; the journal keeps it as one of your activities. Choose another activity for a sport with F2 or a double click. Your changes are shown in bold and kept in the journal.</source>
        <translation>Jede Datei nennt ihre Sportart; das Tagebuch speichert sie als eine Ihrer Aktivitäten. Wählen Sie mit F2 oder einem Doppelklick eine andere Aktivität für eine Sportart. Ihre Änderungen erscheinen fett und werden im Tagebuch gespeichert.</translation>
    </message>
    <message>
        <source>Sports and activities</source>
        <translation>Sportarten und Aktivitäten</translation>
    </message>
    <message>
        <source>Sport in the file</source>
        <translation>Sportart in der Datei</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>e.g. yoga or running/trail</source>
        <translation>z. B. yoga, running/trail</translation>
    </message>
    <message>
        <source>Add a s&amp;port:</source>
        <translation>Neue S&amp;portart:</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Reset to built-in</source>
        <translation>&amp;Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Forget your changes: every sport becomes the activity rehabjournal chooses (saved by OK).</source>
        <translation>Ihre Änderungen verwerfen: Jede Sportart wird wieder die Aktivität, die rehabjournal wählt (gespeichert mit OK).</translation>
    </message>
    <message>
        <source>Your choice; built in: {kind}</source>
        <translation>Ihre Wahl; Standard: {kind}</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Heart rate (for the heart-rate load)</source>
        <translation>Herzfrequenz (für die Herzfrequenz-Belastung)</translation>
    </message>
    <message>
        <source>Progress and the report show Banister&apos;s TRIMP from the files&apos; heart rate beside session-RPE load, as another estimate. It needs both heart rates.</source>
        <translation>Verlauf und Bericht zeigen Banisters TRIMP aus der Herzfrequenz der Dateien neben der Session-RPE-Belastung, als weitere Schätzung. Dafür sind beide Herzfrequenzen nötig.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>Male (0.64 e^1.92x)</source>
        <translation>Männlich (0,64 e^1,92x)</translation>
    </message>
    <message>
        <source>Female (0.86 e^1.67x)</source>
        <translation>Weiblich (0,86 e^1,67x)</translation>
    </message>
    <message>
        <source>Watched folder (this computer)</source>
        <translation>Überwachter Ordner (dieser Computer)</translation>
    </message>
    <message>
        <source>Where Garmin Express, Gadgetbridge or a sync tool puts new files. New files there are offered for import, never imported without your click.</source>
        <translation>Wo Garmin Express, Gadgetbridge oder ein Sync-Programm neue Dateien ablegt. Neue Dateien dort werden zum Import angeboten, nie ohne Ihren Klick importiert.</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>&amp;Wählen...</translation>
    </message>
    <message>
        <source>S&amp;top watching</source>
        <translation>Überwachung &amp;beenden</translation>
    </message>
    <message>
        <source>No folder is watched.</source>
        <translation>Kein Ordner wird überwacht.</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Überwachter Ordner</translation>
    </message>
</context>
<context>
    <name>ActivityImport</name>
    <message>
        <source>Activity files and Strava exports (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz *.zip *.FIT *.GPX *.TCX *.ZIP);;All files (*)</source>
        <translation>Aktivitätsdateien und Strava-Exporte (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz *.zip *.FIT *.GPX *.TCX *.ZIP);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>not an activity file: rehabjournal reads FIT, GPX and TCX files (also gzipped), Strava export .zip files and folders</source>
        <translation>keine Aktivitätsdatei: rehabjournal liest FIT-, GPX- und TCX-Dateien (auch gzip-komprimiert), .zip-Dateien aus Strava-Exporten und Ordner</translation>
    </message>
    <message>
        <source>Only FIT, GPX and TCX files, Strava export .zip files and folders can be dropped here.</source>
        <translation>Hier können nur FIT-, GPX- und TCX-Dateien, .zip-Dateien aus Strava-Exporten und Ordner abgelegt werden.</translation>
    </message>
    <message>
        <source>The activity files could not be read: {reason}</source>
        <translation>Die Aktivitätsdateien konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Import Activities</source>
        <translation>Aktivitäten importieren</translation>
    </message>
    <message>
        <source>Import Activities from Folder</source>
        <translation>Aktivitäten aus Ordner importieren</translation>
    </message>
    <message>
        <source>Finish the import that is open first.</source>
        <translation>Schließen Sie zuerst den offenen Import ab.</translation>
    </message>
    <message>
        <source>Reading activity files...</source>
        <translation>Aktivitätsdateien werden gelesen...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <source>Reading file {done} of {total}...</source>
        <translation>Datei {done} von {total} wird gelesen...</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import abgebrochen: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Es wurde nichts importiert: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
    <message>
        <source>Could not note the files reviewed; the watched folder may offer them again: {reason}</source>
        <translation>Die geprüften Dateien konnten nicht vermerkt werden; der überwachte Ordner bietet sie eventuell erneut an: {reason}</translation>
    </message>
    <message>
        <source>Imported {sessions}, {merged} merged, {skipped} skipped</source>
        <translation>{sessions} importiert, {merged} zusammengeführt, {skipped} übersprungen</translation>
    </message>
    <message>
        <source>Imported {sessions}, {merged} merged</source>
        <translation>{sessions} importiert, {merged} zusammengeführt</translation>
    </message>
    <message>
        <source>Imported {sessions}, {skipped} skipped</source>
        <translation>{sessions} importiert, {skipped} übersprungen</translation>
    </message>
    <message>
        <source>Imported {sessions}</source>
        <translation>{sessions} importiert</translation>
    </message>
    <message>
        <source>{imported}; a backup copy was made first.</source>
        <translation>{imported}; vorher wurde eine Sicherungskopie angelegt.</translation>
    </message>
    <message>
        <source>{imported}.</source>
        <translation>{imported}.</translation>
    </message>
</context>
<context>
    <name>AddSiteDialog</name>
    <message>
        <source>Add a pain site</source>
        <translation>Schmerzstelle hinzufügen</translation>
    </message>
    <message>
        <source>e.g. below the kneecap</source>
        <translation>z. B. unterhalb der Kniescheibe</translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation>&amp;Gelenk</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Seite</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Bereich</translation>
    </message>
</context>
<context>
    <name>AdherenceModel</name>
    <message>
        <source>Week of</source>
        <translation>Woche vom</translation>
    </message>
    <message>
        <source>Exercise days due</source>
        <translation>Übungstage fällig</translation>
    </message>
    <message>
        <source>Exercise days done</source>
        <translation>Übungstage erledigt</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% erledigt</translation>
    </message>
</context>
<context>
    <name>AdviceTab</name>
    <message>
        <source>Advice follows the pain-monitoring light of the last 7 days, the pain you logged during each exercise and each exercise&apos;s published schedule. It is information, not medical advice.</source>
        <translation>Die Empfehlungen folgen der Schmerzampel der letzten 7 Tage, dem Schmerz, den Sie bei jeder Übung eingetragen haben, und dem veröffentlichten Schema jeder Übung. Das ist eine Information, keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>&amp;Accept advice</source>
        <translation>Empfehlung anneh&amp;men</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorieren</translation>
    </message>
    <message>
        <source>Adherence: the last {n} weeks</source>
        <translation>Adhärenz: die letzten {n} Wochen</translation>
    </message>
    <message>
        <source>Progression advice</source>
        <translation>Empfehlungen zur Steigerung</translation>
    </message>
    <message>
        <source>No active programme: activate one on the Programmes tab.</source>
        <translation>Kein aktives Programm: Aktivieren Sie eines auf dem Reiter Programme.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {total}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: {total}.</translation>
    </message>
    <message>
        <source>Advice not applied</source>
        <translation>Empfehlung nicht übernommen</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Saved {time}</source>
        <extracomment>The longest wait between two looks at the calendar (ms): a timer counts no time while the computer sleeps, so the one set for midnight is also a look every few minutes.</extracomment>
        <translation>Gespeichert um {time}</translation>
    </message>
    <message>
        <source>{what} {time}</source>
        <translation>{what} um {time}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Made</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Morgen-Checks</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Exercise logs</source>
        <translation>Übungsprotokolle</translation>
    </message>
    <message>
        <source>Outcome measures</source>
        <translation>Outcome-Fragebögen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>strength</source>
        <extracomment>The exercise library&apos;s categories (``services.programme.CATEGORIES``) as shown.</extracomment>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>isometric</source>
        <translation>isometrisch</translation>
    </message>
    <message>
        <source>mobility</source>
        <translation>Mobilität</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>Ausdauer</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG-Vektorgrafik (*.svg)</translation>
    </message>
    <message>
        <source>Save chart as {format}</source>
        <translation>Diagramm als {format} speichern</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>Diagramm nicht gespeichert</translation>
    </message>
    <message>
        <source>Save Chart as {format}...</source>
        <translation>Diagramm als {format} speichern...</translation>
    </message>
</context>
<context>
    <name>CheckinSection</name>
    <message>
        <source>poor</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>ausgezeichnet</translation>
    </message>
    <message>
        <source>Morning check-in</source>
        <translation>Morgen-Check</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Morgenschmerz</translation>
    </message>
    <message>
        <source>Morning stiffness</source>
        <translation>Morgensteifigkeit</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Schlaf</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Swelling</source>
        <translation>Schwellung</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>Sleep quality</source>
        <translation>Schlafqualität</translation>
    </message>
    <message>
        <source>Morning &amp;pain (0-10)</source>
        <translation>Morgens&amp;chmerz (0-10)</translation>
    </message>
    <message>
        <source>&amp;Stiffness (min)</source>
        <translation>&amp;Steifigkeit (min)</translation>
    </message>
    <message>
        <source>S&amp;welling</source>
        <translation>Sch&amp;wellung</translation>
    </message>
    <message>
        <source>S&amp;leep (hours)</source>
        <translation>Sch&amp;laf (Stunden)</translation>
    </message>
    <message>
        <source>Sleep &amp;quality</source>
        <translation>Schlaf&amp;qualität</translation>
    </message>
    <message>
        <source>St&amp;ress (0-10)</source>
        <translation>St&amp;ress (0-10)</translation>
    </message>
    <message>
        <source>Morning pain elsewhere:</source>
        <translation>Morgenschmerz an anderen Stellen:</translation>
    </message>
    <message>
        <source>Morning pain ({site})</source>
        <translation>Morgenschmerz ({site})</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <source>Previous day (Alt+Left)</source>
        <extracomment>(page attribute, section class), top to bottom. Each class takes the AppContext and has ``set_day(day)`` and ``refresh()``; the page loads them in this order.</extracomment>
        <translation>Vorheriger Tag (Alt+Links)</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Nächster Tag (Alt+Rechts)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Gehe zu Datum</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Heu&amp;te</translation>
    </message>
    <message>
        <source>Go to today (Alt+T here, Alt+Home anywhere)</source>
        <translation>Zu heute gehen (hier Alt+T, überall Alt+Pos1)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed).</source>
        <translation>Nicht gespeichert für {day}: {fields} (das Speichern war fehlgeschlagen).</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed); a new session without minutes.</source>
        <translation>Nicht gespeichert für {day}: {fields} (das Speichern war fehlgeschlagen); eine neue Einheit ohne Minuten.</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed); {n} new sessions without minutes.</source>
        <translation>Nicht gespeichert für {day}: {fields} (das Speichern war fehlgeschlagen); {n} neue Einheiten ohne Minuten.</translation>
    </message>
    <message>
        <source>Not saved for {day}: a new session without minutes.</source>
        <translation>Nicht gespeichert für {day}: eine neue Einheit ohne Minuten.</translation>
    </message>
    <message>
        <source>Not saved for {day}: {n} new sessions without minutes.</source>
        <translation>Nicht gespeichert für {day}: {n} neue Einheiten ohne Minuten.</translation>
    </message>
    <message>
        <source>A new day: Today now shows {day}.</source>
        <translation>Ein neuer Tag: Heute zeigt jetzt {day}.</translation>
    </message>
    <message>
        <source>{text} is not a date: use YYYY-MM-DD with a real day, e.g. {example}.</source>
        <translation>{text} ist kein Datum: Verwenden Sie JJJJ-MM-TT mit einem echten Tag, z. B. {example}.</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>Heute, {day}</translation>
    </message>
</context>
<context>
    <name>DocsWindow</name>
    <message>
        <source>User Guide</source>
        <extracomment>The doc Help &gt; User Guide opens first.</extracomment>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>The previous document (Alt+Left)</source>
        <translation>Vorheriges Dokument (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>The next document (Alt+Right)</source>
        <translation>Nächstes Dokument (Alt+Rechts)</translation>
    </message>
    <message>
        <source>The user guide is written in English.</source>
        <translation>Das Benutzerhandbuch ist auf Englisch geschrieben.</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation. It is also at https://github.com/rehabjournal/rehabjournal (the docs folder).</source>
        <translation>Das Benutzerhandbuch fehlt in dieser Installation. Es liegt auch unter https://github.com/rehabjournal/rehabjournal (im Ordner docs).</translation>
    </message>
    <message>
        <source>Not found: {link}</source>
        <translation>Nicht gefunden: {link}</translation>
    </message>
    <message>
        <source>No program on this computer opens {link}</source>
        <translation>Kein Programm auf diesem Computer öffnet {link}</translation>
    </message>
    <message>
        <source>{title} - User Guide</source>
        <translation>{title} - Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>DueRow</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Teilweise erledigt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Sets done</source>
        <translation>Sätze gemacht</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Reps done</source>
        <translation>Wiederholungen gemacht</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>Run part</source>
        <translation>Laufanteil</translation>
    </message>
    <message>
        <source>Hold done</source>
        <translation>Halten gemacht</translation>
    </message>
    <message>
        <source>run s</source>
        <translation>Lauf s</translation>
    </message>
    <message>
        <source>hold s</source>
        <translation>Halten s</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Load done</source>
        <translation>Belastung gemacht</translation>
    </message>
    <message>
        <source>Pain during</source>
        <translation>Schmerz während</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save as done with the numbers on the left</source>
        <translation>Mit den Zahlen links als erledigt speichern</translation>
    </message>
    <message>
        <source>Save as partly done</source>
        <translation>Als teilweise erledigt speichern</translation>
    </message>
    <message>
        <source>Record that it was skipped today</source>
        <translation>Festhalten, dass die Übung heute ausgelassen wurde</translation>
    </message>
    <message>
        <source>Remove today&apos;s answer</source>
        <translation>Die heutige Antwort entfernen</translation>
    </message>
    <message>
        <source>Conditioning is a session of its own: add it under Sessions with its minutes and effort, so its load counts once.</source>
        <translation>Ausdauertraining ist eine eigene Einheit: Tragen Sie es unter Einheiten mit Minuten und Anstrengung ein, damit seine Belastung nur einmal zählt.</translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation>noch nicht erledigt</translation>
    </message>
</context>
<context>
    <name>EventsSection</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Event kind</source>
        <translation>Art des Ereignisses</translation>
    </message>
    <message>
        <source>label (needed for &apos;Other event&apos;)</source>
        <translation>Bezeichnung (nötig für „Anderes Ereignis“)</translation>
    </message>
    <message>
        <source>A&amp;dd event</source>
        <translation>Ereignis hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>{kind}: {label}</source>
        <translation>{kind}: {label}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>ExerciseAdherenceModel</name>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Days done</source>
        <translation>Tage erledigt</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% erledigt</translation>
    </message>
    <message>
        <source>Of them partial</source>
        <translation>Davon teilweise</translation>
    </message>
    <message>
        <source>Of them on another day</source>
        <translation>Davon an einem anderen Tag</translation>
    </message>
    <message>
        <source>{done} of {due}</source>
        <translation>{done} von {due}</translation>
    </message>
    <message>
        <source>{name}: {share} done of the days it was due. A day counts when it was logged done or partial, on the day or on another day of the same week (Monday to Sunday).</source>
        <translation>{name}: {share} der fälligen Tage erledigt. Ein Tag zählt, wenn er als erledigt oder teilweise eingetragen wurde, am Tag selbst oder an einem anderen Tag derselben Woche (Montag bis Sonntag).</translation>
    </message>
</context>
<context>
    <name>ExerciseCard</name>
    <message>
        <source>Open picture/video</source>
        <translation>Bild/Video öffnen</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Show or hide the instructions, what to watch and the pain rule (Space)</source>
        <translation>Anleitung, Hinweise und Schmerzregel ein- oder ausblenden (Leertaste)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Opens {file}</source>
        <translation>Öffnet {file}</translation>
    </message>
    <message>
        <source>{button}: {exercise}</source>
        <translation>{button}: {exercise}</translation>
    </message>
    <message>
        <source>a web link: opens in your browser</source>
        <translation>ein Weblink: öffnet sich in Ihrem Browser</translation>
    </message>
    <message>
        <source>How to do it: {exercise}</source>
        <translation>Ausführung: {exercise}</translation>
    </message>
</context>
<context>
    <name>ExerciseLibraryModel</name>
    <message>
        <source>strength</source>
        <extracomment>The library&apos;s category, region and unit keys as the Library&apos;s table shows them (the journal keeps the keys; ``kg`` is a unit symbol, the same in every language).</extracomment>
        <translation>Kraft</translation>
    </message>
    <message>
        <source>isometric</source>
        <translation>isometrisch</translation>
    </message>
    <message>
        <source>mobility</source>
        <translation>Mobilität</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>Ausdauer</translation>
    </message>
    <message>
        <source>knee</source>
        <translation>Knie</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>Sprunggelenk</translation>
    </message>
    <message>
        <source>whole leg</source>
        <translation>ganzes Bein</translation>
    </message>
    <message>
        <source>core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <source>band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>bodyweight</source>
        <translation>Körpergewicht</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Maßeinheit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archiviert)</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigene</translation>
    </message>
</context>
<context>
    <name>ExerciseSides</name>
    <message>
        <source>both</source>
        <extracomment>An exercise&apos;s side (``domain.progression.SIDES``) as a choice in a form.</extracomment>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>jede Seite</translation>
    </message>
    <message>
        <source>affected side</source>
        <translation>betroffene Seite</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
</context>
<context>
    <name>ExercisesDueSection</name>
    <message>
        <source>Exercises due</source>
        <translation>Fällige Übungen</translation>
    </message>
    <message>
        <source>Effort of the exercises (CR-10)</source>
        <translation>Anstrengung der Übungen (CR-10)</translation>
    </message>
    <message>
        <source>Effort of the e&amp;xercises (CR-10)</source>
        <translation>Anstrengung der Üb&amp;ungen (CR-10)</translation>
    </message>
    <message>
        <source>Exercises marked done or partly done make today&apos;s rehab session; its load counts like any session&apos;s.</source>
        <translation>Als erledigt oder teilweise erledigt markierte Übungen bilden die heutige Reha-Einheit; ihre Belastung zählt wie die jeder Einheit.</translation>
    </message>
    <message>
        <source>Counted in your rehab exercises session ({minutes} min, typed by you): no second session is made.</source>
        <translation>In Ihrer Einheit mit Reha-Übungen gezählt ({minutes} min, von Ihnen eingegeben): Es wird keine zweite Einheit angelegt.</translation>
    </message>
    <message>
        <source>{phase} (deload): {done} of {total} done</source>
        <translation>{phase} (Entlastung): {done} von {total} erledigt</translation>
    </message>
    <message>
        <source>{phase}: {done} of {total} done</source>
        <translation>{phase}: {done} von {total} erledigt</translation>
    </message>
    <message>
        <source>Your programme “{name}” has no start date yet, so no exercises are due: set it on the Programme page.</source>
        <translation>Ihr Programm „{name}“ hat noch kein Startdatum, daher sind keine Übungen fällig: Legen Sie es auf der Seite Programm fest.</translation>
    </message>
</context>
<context>
    <name>FileMessage</name>
    <message>
        <source>Import and export message</source>
        <translation>Meldung zu Import und Export</translation>
    </message>
</context>
<context>
    <name>FolderWatcher</name>
    <message>
        <source>The watched folder {folder} cannot be read (no permission). New activity files there are not offered until it can be read.</source>
        <translation>Der überwachte Ordner {folder} kann nicht gelesen werden (keine Berechtigung). Neue Aktivitätsdateien darin werden erst angeboten, wenn er lesbar ist.</translation>
    </message>
    <message>
        <source>The watched folder {folder} is not there any more (moved, deleted or a drive not connected). It is watched again as soon as it is back; choose another in Preferences &gt; Activity files.</source>
        <translation>Der überwachte Ordner {folder} ist nicht mehr da (verschoben, gelöscht oder ein Laufwerk nicht verbunden). Er wird wieder überwacht, sobald er zurück ist; wählen Sie unter Einstellungen &gt; Aktivitätsdateien einen anderen.</translation>
    </message>
    <message>
        <source>The watched folder {folder} could not be read: {reason}</source>
        <translation>Der überwachte Ordner {folder} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Could not note the files as declined: {reason}</source>
        <translation>Die Dateien konnten nicht als abgelehnt vermerkt werden: {reason}</translation>
    </message>
</context>
<context>
    <name>Joints</name>
    <message>
        <source>knee</source>
        <extracomment>``scales.JOINTS`` as shown.</extracomment>
        <translation>Knie</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>Sprunggelenk</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>lower leg</source>
        <translation>Unterschenkel</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Ampel</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Morgenschmerz</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Load (AU)</source>
        <translation>Belastung (AE)</translation>
    </message>
    <message>
        <source>Peak pain</source>
        <translation>Stärkster Schmerz</translation>
    </message>
    <message>
        <source>Next morning</source>
        <translation>Nächster Morgen</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Red Flags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>The next day&apos;s morning pain at the site of this day&apos;s sessions (the worst if they were at several): the same number as that day&apos;s Morning pain, never a second rating.</source>
        <extracomment>Header tooltips: what a column&apos;s number is.</extracomment>
        <translation>Der Morgenschmerz des nächsten Tages an der Stelle der Einheiten dieses Tages (der stärkste, wenn es mehrere Stellen waren): dieselbe Zahl wie der Morgenschmerz jenes Tages, nie eine zweite Bewertung.</translation>
    </message>
    <message>
        <source>green</source>
        <extracomment>The Light column&apos;s word for each ``domain.light`` status.</extracomment>
        <translation>grün</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>{symbol} red flag</source>
        <translation>{symbol} Red Flag</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>von JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>bis JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Zeitraum von</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Zeitraum bis</translation>
    </message>
    <message>
        <source>a date, YYYY-MM-DD; empty for no limit</source>
        <translation>ein Datum, JJJJ-MM-TT; leer für keine Grenze</translation>
    </message>
    <message>
        <source>Activity filter</source>
        <translation>Aktivitätsfilter</translation>
    </message>
    <message>
        <source>Red flags only</source>
        <translation>Nur Red Flags</translation>
    </message>
    <message>
        <source>Search notes...</source>
        <translation>Notizen durchsuchen...</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Calendar of lights</source>
        <translation>Kalender der Ampeln</translation>
    </message>
    <message>
        <source>Enter opens the day; each day&apos;s light is in its tooltip and in the list of days</source>
        <translation>Eingabe öffnet den Tag; die Ampel jedes Tages steht in seinem Tooltip und in der Liste der Tage</translation>
    </message>
    <message>
        <source>Double-click a day to open it.</source>
        <translation>Doppelklicken Sie auf einen Tag, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Enter opens the day, Delete removes it</source>
        <translation>Eingabe öffnet den Tag, Entf entfernt ihn</translation>
    </message>
    <message>
        <source>&amp;Open day</source>
        <translation>Tag ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete day</source>
        <translation>Tag &amp;löschen</translation>
    </message>
    <message>
        <source>Delete everything of the selected day (Del); Edit &gt; Undo brings it back</source>
        <translation>Alles vom ausgewählten Tag löschen (Entf); Bearbeiten &gt; Rückgängig holt es zurück</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>From {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>Von: {text} ist kein Datum: Verwenden Sie JJJJ-MM-TT, z. B. 2026-03-01.</translation>
    </message>
    <message>
        <source>To {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>Bis: {text} ist kein Datum: Verwenden Sie JJJJ-MM-TT, z. B. 2026-03-01.</translation>
    </message>
    <message>
        <source>The period ends before it starts: swap the dates.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Tauschen Sie die Daten.</translation>
    </message>
    <message>
        <source>{light}: {reason}</source>
        <translation>{light}: {reason}</translation>
    </message>
    <message>
        <source>{day} is outside the dates the journal accepts ({earliest} to {latest}), so it cannot be opened; select it and delete it (Edit &gt; Undo brings it back).</source>
        <translation>{day} liegt außerhalb der Daten, die das Tagebuch annimmt ({earliest} bis {latest}), und kann daher nicht geöffnet werden; wählen Sie ihn aus und löschen Sie ihn (Bearbeiten &gt; Rückgängig holt ihn zurück).</translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <source>More reps, up to 15.</source>
        <translation>Mehr Wiederholungen, bis 15.</translation>
    </message>
    <message>
        <source>About 10 % more load.</source>
        <translation>Etwa 10&#xa0;% mehr Belastung.</translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation>Neue Übung</translation>
    </message>
    <message>
        <source>{rm}RM week {week}</source>
        <translation>{rm}RM Woche {week}</translation>
    </message>
    <message>
        <source>{rm}RM weeks {first}-{last}</source>
        <translation>{rm}RM Wochen {first}-{last}</translation>
    </message>
    <message>
        <source>Rep-max by programme week: {stages}.</source>
        <translation>Wiederholungsmaximum nach Programmwoche: {stages}.</translation>
    </message>
    <message>
        <source>A new rep-max converts the load (Epley&apos;s formula); within a stage a green week adds {step} kg.</source>
        <translation>Ein neues Wiederholungsmaximum rechnet die Last um (Epley-Formel); innerhalb einer Stufe fügt eine grüne Woche {step} kg hinzu.</translation>
    </message>
    <message>
        <source>{n} kg</source>
        <translation>{n} kg</translation>
    </message>
    <message>
        <source>{n} %</source>
        <translation>{n}&#xa0;%</translation>
    </message>
    <message>
        <source>load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Keeps {reps} reps; then the steps below, one at a time.</source>
        <translation>Bleibt bei {reps} Wiederholungen; dann die Schritte unten, einer nach dem anderen.</translation>
    </message>
    <message>
        <source>Reps {low}-{high}: {step} more a green week up to {high}, then {load} more and back to {low} (where the load can be counted).</source>
        <translation>Wiederholungen {low}-{high}: {step} mehr pro grüner Woche bis {high}, dann {load} mehr und zurück auf {low} (wo sich die Last zählen lässt).</translation>
    </message>
    <message>
        <source>Adds {step} a green week, up to {max}.</source>
        <translation>Fügt pro grüner Woche {step} hinzu, bis {max}.</translation>
    </message>
    <message>
        <source>In order, one step a green week: {steps}.</source>
        <translation>Der Reihe nach, ein Schritt pro grüner Woche: {steps}.</translation>
    </message>
    <message>
        <source>Holds lengthen from {low} s to {high} s (5 s a green week); red weeks keep the dose.</source>
        <translation>Das Halten verlängert sich von {low} s auf {high} s (5 s pro grüner Woche); rote Wochen behalten die Dosis.</translation>
    </message>
    <message>
        <source>Minutes +{percent} % a green week, up to {max} minutes.</source>
        <translation>Minuten +{percent}&#xa0;% pro grüner Woche, bis {max} Minuten.</translation>
    </message>
    <message>
        <source>Minutes +{percent} % a green week.</source>
        <translation>Minuten +{percent}&#xa0;% pro grüner Woche.</translation>
    </message>
    <message>
        <source>Run parts grow by {step} s from {low} to {high} s first, then the total minutes +{percent} % a week.</source>
        <translation>Die Laufanteile wachsen zuerst um {step} s von {low} auf {high} s, dann die Gesamtminuten um +{percent}&#xa0;% pro Woche.</translation>
    </message>
    <message>
        <source>Keeps its dose (stretches and mobility are not progressed).</source>
        <translation>Behält die Dosis (Dehnungen und Mobilität werden nicht gesteigert).</translation>
    </message>
    <message>
        <source>Then: {step}</source>
        <translation>Dann: {step}</translation>
    </message>
    <message>
        <source>Search exercises (name, instructions, cues)</source>
        <translation>Übungen suchen (Name, Anleitung, Hinweise)</translation>
    </message>
    <message>
        <source>Search exercises</source>
        <translation>Übungen suchen</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Region filter</source>
        <translation>Regionsfilter</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle Regionen</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>&amp;New exercise</source>
        <translation>&amp;Neue Übung</translation>
    </message>
    <message>
        <source>&amp;Copy to edit</source>
        <translation>Zum Bearbeiten &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>A&amp;rchivieren</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>So geht es</translation>
    </message>
    <message>
        <source>How it progresses</source>
        <translation>Wie sie gesteigert wird</translation>
    </message>
    <message>
        <source>Edit your exercise</source>
        <translation>Ihre Übung bearbeiten</translation>
    </message>
    <message>
        <source>Exercise name</source>
        <translation>Name der Übung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Days per week</source>
        <translation>Tage pro Woche</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Mal pro Tag</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Halten (s)</translation>
    </message>
    <message>
        <source>Days a week</source>
        <translation>Tage pro Woche</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up</source>
        <translation>z. B. 3 s ab, 3 s auf</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Pain rule</source>
        <translation>Schmerzregel</translation>
    </message>
    <message>
        <source>Picture or video</source>
        <translation>Bild oder Video</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Cues, one per line</source>
        <translation>Hinweise, einer pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Save exercise</source>
        <translation>Übung &amp;speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Maßeinheit</translation>
    </message>
    <message>
        <source>Default dose</source>
        <translation>Standarddosis</translation>
    </message>
    <message>
        <source>Rest (s)</source>
        <translation>Pause (s)</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Choose an exercise, or add your own.</source>
        <translation>Wählen Sie eine Übung oder fügen Sie eine eigene hinzu.</translation>
    </message>
    <message>
        <source>Shipped with rehabjournal. Use &lt;i&gt;Copy to edit&lt;/i&gt; to make your own version.</source>
        <translation>Mit rehabjournal geliefert. Mit &lt;i&gt;Zum Bearbeiten kopieren&lt;/i&gt; erstellen Sie Ihre eigene Version.</translation>
    </message>
    <message>
        <source>Your copy of {name}.</source>
        <translation>Ihre Kopie von {name}.</translation>
    </message>
    <message>
        <source>Your copy of a shipped exercise.</source>
        <translation>Ihre Kopie einer mitgelieferten Übung.</translation>
    </message>
    <message>
        <source>Your own exercise.</source>
        <translation>Ihre eigene Übung.</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Aus dem A&amp;rchiv holen</translation>
    </message>
    <message>
        <source>no progression given</source>
        <translation>keine Steigerung angegeben</translation>
    </message>
</context>
<context>
    <name>LightBadge</name>
    <message>
        <source>light: green</source>
        <translation>Ampel: grün</translation>
    </message>
    <message>
        <source>light: amber</source>
        <translation>Ampel: gelb</translation>
    </message>
    <message>
        <source>light: red</source>
        <translation>Ampel: rot</translation>
    </message>
    <message>
        <source>light: no data</source>
        <translation>Ampel: keine Daten</translation>
    </message>
</context>
<context>
    <name>LightSection</name>
    <message>
        <source>Pain-monitoring light</source>
        <translation>Schmerzampel</translation>
    </message>
    <message>
        <source>light: {state}</source>
        <translation>Ampel: {state}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No light yet.&lt;/b&gt; Rate your pain to get one.</source>
        <translation>&lt;b&gt;Noch keine Ampel.&lt;/b&gt; Bewerten Sie Ihren Schmerz, um eine zu erhalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{heading}:&lt;/b&gt; {advice}</source>
        <translation>&lt;b&gt;{heading}:&lt;/b&gt; {advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag yesterday:{items}{advice}</source>
        <translation>{heading} Sie haben gestern eine Red Flag (Warnzeichen) notiert:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag the day before:{items}{advice}</source>
        <translation>{heading} Sie haben am Vortag eine Red Flag (Warnzeichen) notiert:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag today:{items}{advice}</source>
        <translation>{heading} Sie haben heute eine Red Flag (Warnzeichen) notiert:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag on this day:{items}{advice}</source>
        <translation>{heading} Sie haben an diesem Tag eine Red Flag (Warnzeichen) notiert:{items}{advice}</translation>
    </message>
</context>
<context>
    <name>LoadTab</name>
    <message>
        <source>A week cut by the period is marked: “completed” counts its days outside the period from the journal; “partial” has only the days so far, so no change, monotony or strain.</source>
        <translation>Eine vom Zeitraum angeschnittene Woche ist markiert: „ergänzt“ zählt ihre Tage außerhalb des Zeitraums aus dem Tagebuch; „teilweise“ hat nur die bisherigen Tage, also keine Änderung, Monotonie oder Beanspruchung.</translation>
    </message>
    <message>
        <source>Weekly load, change, monotony and strain</source>
        <translation>Wochenbelastung, Änderung, Monotonie und Beanspruchung</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Tagebuch</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Create your journal first (the form on this page); then activity files can be imported.</source>
        <extracomment>The window&apos;s first size when the screen has room for it. 1180x780 used to be the size whatever the screen: 780 px is taller than a 768-px laptop screen. Room kept for the window manager&apos;s title bar and borders, which are not part of the geometry set before the window is shown. The smallest window (the pages reflow down to it), smaller still on a screen with less room (1024x600 with a panel). Qt.ItemDataRole.UserRole: the frame is built without importing the ``Qt`` namespace, which costs about 15 ms at start-up (see run_gui); pages import it when they are built.</extracomment>
        <translation>Legen Sie zuerst Ihr Tagebuch an (das Formular auf dieser Seite); danach können Aktivitätsdateien importiert werden.</translation>
    </message>
    <message>
        <source>rehabjournal gives information, not medical advice. It does not diagnose or treat. If a red flag appears, or you are unsure, see a clinician.</source>
        <translation>rehabjournal gibt Informationen, keine medizinische Beratung. Es stellt keine Diagnose und behandelt nicht. Wenn ein Red Flag (Warnzeichen) auftritt oder Sie unsicher sind, wenden Sie sich an einen Behandler.</translation>
    </message>
    <message>
        <source>rehabjournal - demo journal (not your own)</source>
        <translation>rehabjournal - Demo-Tagebuch (nicht Ihres)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Opening your journal...</source>
        <translation>Ihr Tagebuch wird geöffnet...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Import CSV...</source>
        <translation>CSV &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>CSV e&amp;xportieren...</translation>
    </message>
    <message>
        <source>&amp;Back Up Now...</source>
        <translation>Jetzt &amp;sichern...</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup...</source>
        <translation>Aus Sicherung &amp;wiederherstellen...</translation>
    </message>
    <message>
        <source>Export &amp;Everything...</source>
        <translation>&amp;Alles exportieren...</translation>
    </message>
    <message>
        <source>Import E&amp;verything...</source>
        <translation>Alles i&amp;mportieren...</translation>
    </message>
    <message>
        <source>Export for Clinician (&amp;FHIR)...</source>
        <translation>Für Behandler exportieren (&amp;FHIR)...</translation>
    </message>
    <message>
        <source>Import A&amp;ctivities...</source>
        <translation>A&amp;ktivitäten importieren...</translation>
    </message>
    <message>
        <source>Import Activities from Fo&amp;lder...</source>
        <translation>Aktivitäten aus &amp;Ordner importieren...</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Rückgängig: {change}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Outcome Measures...</source>
        <translation>&amp;Outcome-Fragebögen...</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;CSV Format</source>
        <translation>&amp;CSV-Format</translation>
    </message>
    <message>
        <source>&amp;About rehabjournal</source>
        <translation>Ü&amp;ber rehabjournal</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Appearance: {mode}</source>
        <translation>Darstellung: {mode}</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>&amp;Vorheriger Tag</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>&amp;Nächster Tag</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Zu &amp;Heute springen</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Wiederholen: {change}</translation>
    </message>
    <message>
        <source>A private journal for exercise-related joint pain: how the joint answers to load, the next morning especially.</source>
        <translation>Ein privates Tagebuch für belastungsbedingte Gelenkschmerzen: wie das Gelenk auf Belastung reagiert, vor allem am nächsten Morgen.</translation>
    </message>
    <message>
        <source>Information, not medical advice.</source>
        <translation>Information, keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>Your journal is stored only on this computer; rehabjournal never opens a network connection.</source>
        <translation>Ihr Tagebuch wird nur auf diesem Computer gespeichert; rehabjournal öffnet nie eine Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Journal: {folder}</source>
        <translation>Tagebuch: {folder}</translation>
    </message>
    <message>
        <source>Sources: pain-monitoring model (Silbernagel et al. 2007); session RPE load (Foster et al. 2001); EWMA load (Williams et al. 2017); clinically important pain change (Farrar et al. 2001).</source>
        <translation>Quellen: Schmerz-Monitoring-Modell (Silbernagel et al. 2007); Belastung nach Session-RPE (Foster et al. 2001); EWMA-Belastung (Williams et al. 2017); klinisch relevante Schmerzänderung (Farrar et al. 2001).</translation>
    </message>
</context>
<context>
    <name>MediaField</name>
    <message>
        <source>Picture or video</source>
        <translation>Bild oder Video</translation>
    </message>
    <message>
        <source>https:// link, or a file on this computer</source>
        <translation>https://-Link oder eine Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>Choose file...</source>
        <translation>Datei auswählen...</translation>
    </message>
    <message>
        <source>Choose a picture or video</source>
        <translation>Bild oder Video auswählen</translation>
    </message>
    <message>
        <source>Pictures, videos and PDF ({patterns});;All files (*)</source>
        <translation>Bilder, Videos und PDF ({patterns});;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>NextMorningSection</name>
    <message>
        <source>waiting for your rating</source>
        <translation>wartet auf Ihre Bewertung</translation>
    </message>
    <message>
        <source>rated</source>
        <translation>bewertet</translation>
    </message>
    <message>
        <source>This morning</source>
        <translation>Heute Morgen</translation>
    </message>
    <message>
        <source>How is the {site} this morning after yesterday&apos;s {activities}?</source>
        <translation>{site}: Wie geht es heute Morgen nach den Aktivitäten von gestern ({activities})?</translation>
    </message>
    <message>
        <source>How is the {site} this morning after {day}&apos;s {activities}?</source>
        <translation>{site}: Wie geht es heute Morgen nach den Aktivitäten vom {day} ({activities})?</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Morgenschmerz</translation>
    </message>
    <message>
        <source>Morning pain ({site})</source>
        <translation>Morgenschmerz ({site})</translation>
    </message>
    <message>
        <source>This morning: {field}</source>
        <translation>Heute Morgen: {field}</translation>
    </message>
    <message>
        <source>This is this morning&apos;s pain at that site: the same number as Morning pain in the check-in.</source>
        <translation>Das ist der heutige Morgenschmerz an dieser Stelle: dieselbe Zahl wie Morgenschmerz im Morgen-Check.</translation>
    </message>
    <message>
        <source>This is this morning&apos;s pain at that site: the same number as the check-in&apos;s morning pain of the {site}.</source>
        <translation>Das ist der heutige Morgenschmerz an dieser Stelle: dieselbe Zahl wie der Morgenschmerz an der Stelle „{site}“ im Morgen-Check.</translation>
    </message>
    <message>
        <source>This &amp;morning (0-10)</source>
        <translation>Heute &amp;Morgen (0-10)</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Anything worth remembering: what felt different, what you did... Questions for your physio go in the list below (Ctrl+J).</source>
        <translation>Alles, was Sie sich merken möchten: was sich anders anfühlte, was Sie gemacht haben ... Fragen an Ihren Physiotherapeuten kommen in die Liste weiter unten (Strg+J).</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{label}: {range}; Up/Down to change, empty for not rated</source>
        <translation>{label}: {range}; Pfeil hoch/runter zum Ändern, leer für nicht bewertet</translation>
    </message>
    <message>
        <source>{low} to {high} {unit}</source>
        <translation>{low} bis {high} {unit}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <source>Not saved yet: press Enter here to try again.</source>
        <translation>Noch nicht gespeichert: Drücken Sie hier die Eingabetaste, um es erneut zu versuchen.</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <source>Review...</source>
        <translation>Prüfen...</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Don&apos;t offer these</source>
        <translation>Nicht mehr anbieten</translation>
    </message>
    <message>
        <source>These files will not be offered again; you can still import them with File &gt; Import Activities.</source>
        <translation>Diese Dateien werden nicht mehr angeboten; über Datei &gt; Aktivitäten importieren können Sie sie weiterhin importieren.</translation>
    </message>
    <message>
        <source>New activity files</source>
        <translation>Neue Aktivitätsdateien</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Type a date (yyyy-mm-dd) or pick one (Alt+Down); Delete clears it</source>
        <translation>Geben Sie ein Datum ein (jjjj-mm-tt) oder wählen Sie eines (Alt+Ab); Entf löscht es</translation>
    </message>
</context>
<context>
    <name>OutcomeSettingsDialog</name>
    <message>
        <source>Outcome measures</source>
        <translation>Outcome-Fragebögen</translation>
    </message>
    <message>
        <source>Questionnaires show how your knee is doing over weeks. Today shows a reminder when one is due.</source>
        <translation>Fragebögen zeigen, wie es Ihrem Knie über die Wochen geht. Heute zeigt eine Erinnerung, wenn einer fällig ist.</translation>
    </message>
    <message>
        <source>(English original)</source>
        <translation>(englisches Original)</translation>
    </message>
    <message>
        <source>VISA-P, Kujala and TSK-11 are not offered: their exact published wording could not be verified. See Help › About for sources and licences.</source>
        <translation>VISA-P, Kujala und TSK-11 werden nicht angeboten: Der genaue veröffentlichte Wortlaut konnte nicht überprüft werden. Quellen und Lizenzen unter Hilfe › Über rehabjournal.</translation>
    </message>
</context>
<context>
    <name>OutcomesDueSection</name>
    <message>
        <source>{name} is due — fill it in now</source>
        <translation>{name} ist fällig — jetzt ausfüllen</translation>
    </message>
    <message>
        <source>Fill in {name}…</source>
        <translation>{name} ausfüllen…</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Report preview</source>
        <translation>Berichtsvorschau</translation>
    </message>
    <message>
        <source>Choose the period and options, then press &lt;b&gt;Make report&lt;/b&gt;.&lt;br&gt;The pages appear here exactly as they will be saved or printed.</source>
        <translation>Wählen Sie Zeitraum und Optionen und drücken Sie dann &lt;b&gt;Bericht erstellen&lt;/b&gt;.&lt;br&gt;Die Seiten erscheinen hier genau so, wie sie gespeichert oder gedruckt werden.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>PainRules</name>
    <message>
        <source>standard</source>
        <extracomment>The pain rules (``domain.progression.PAIN_RULES``): their name, and in a form&apos;s words.</extracomment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>tendon</source>
        <translation>Sehne</translation>
    </message>
    <message>
        <source>standard (little pain during)</source>
        <translation>Standard (wenig Schmerz während)</translation>
    </message>
    <message>
        <source>tendon loading (more, if settled by the next morning)</source>
        <translation>Sehnenbelastung (mehr, wenn am nächsten Morgen abgeklungen)</translation>
    </message>
</context>
<context>
    <name>PatternModel</name>
    <message>
        <source>What often came before a flare</source>
        <translation>Was einem Schub oft vorausging</translation>
    </message>
    <message>
        <source>After days with it</source>
        <translation>Nach Tagen damit</translation>
    </message>
    <message>
        <source>After other days</source>
        <translation>Nach anderen Tagen</translation>
    </message>
    <message>
        <source>Risk ratio (95 % CI)</source>
        <translation>Risikoverhältnis (95-%-KI)</translation>
    </message>
    <message>
        <source>{part} of {total} ({percent})</source>
        <translation>{part} von {total} ({percent})</translation>
    </message>
    <message>
        <source>{ratio} ({low} to {high})</source>
        <translation>{ratio} ({low} bis {high})</translation>
    </message>
</context>
<context>
    <name>PatternsTab</name>
    <message>
        <source>Not tested ({n}): too few days or flares to compare</source>
        <translation>Nicht getestet ({n}): zu wenige Tage oder Schübe für einen Vergleich</translation>
    </message>
</context>
<context>
    <name>PhaseForm</name>
    <message>
        <source>Phase name</source>
        <translation>Name der Phase</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Deload phase (lighter on purpose)</source>
        <translation>Entlastungsphase (absichtlich leichter)</translation>
    </message>
    <message>
        <source>Carry progress from the previous phase</source>
        <translation>Fortschritt aus der vorigen Phase übernehmen</translation>
    </message>
    <message>
        <source>When accepted advice raises a dose in an earlier phase, the same exercise in this phase is raised to match if it was planned lower. Untick it when this phase&apos;s doses are set on purpose (a deload, a new kind of loading).</source>
        <translation>Wenn eine übernommene Empfehlung eine Dosis in einer früheren Phase erhöht, wird dieselbe Übung in dieser Phase angeglichen, falls sie niedriger geplant war. Entfernen Sie das Häkchen, wenn die Dosen dieser Phase absichtlich so gesetzt sind (eine Entlastung, eine neue Art der Belastung).</translation>
    </message>
    <message>
        <source>Phase goal</source>
        <translation>Ziel der Phase</translation>
    </message>
    <message>
        <source>What this phase is for</source>
        <translation>Wozu diese Phase dient</translation>
    </message>
    <message>
        <source>Criteria to move on</source>
        <translation>Kriterien für den Wechsel</translation>
    </message>
    <message>
        <source>What to reach before the next phase, e.g. 20 single-leg squats with pain up to 2/10</source>
        <translation>Was vor der nächsten Phase erreicht sein soll, z. B. 20 einbeinige Kniebeugen mit Schmerz bis 2/10</translation>
    </message>
    <message>
        <source>Save goal and criteria</source>
        <translation>Ziel und Kriterien speichern</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation>&amp;Wochen</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>Zie&amp;l</translation>
    </message>
    <message>
        <source>&amp;Criteria</source>
        <translation>Kri&amp;terien</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>This desktop shows no tray icons, so rehabjournal cannot show reminders or start in the tray here.</source>
        <translation>Diese Arbeitsoberfläche zeigt keine Symbole im Infobereich, daher kann rehabjournal hier keine Erinnerungen anzeigen und nicht im Infobereich starten.</translation>
    </message>
    <message>
        <source>No events of your own yet. Add one on Today under Events (“Other event”, with a short label) to have it tested here.</source>
        <translation>Noch keine eigenen Ereignisse. Fügen Sie auf Heute unter Ereignisse eines hinzu („Anderes Ereignis“, mit einer kurzen Bezeichnung), damit es hier geprüft wird.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Pain-monitoring light</source>
        <translation>Schmerzampel</translation>
    </message>
    <message>
        <source>These thresholds are design choices, not validated rules. Change them with your clinician.</source>
        <translation>Diese Schwellenwerte sind Gestaltungsentscheidungen, keine validierten Regeln. Ändern Sie sie zusammen mit Ihrem Behandler.</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>All&amp;gemein</translation>
    </message>
    <message>
        <source>&amp;Activity files</source>
        <translation>A&amp;ktivitätsdateien</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>System ({language})</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Applies when rehabjournal starts again: close it and open it to see it in {language}.</source>
        <translation>Gilt ab dem nächsten Start von rehabjournal: Schließen und öffnen Sie es, um es auf {language} zu sehen.</translation>
    </message>
    <message>
        <source>Pattern finder (Progress › Patterns, and the report)</source>
        <translation>Musterfinder (Verlauf › Muster, und der Bericht)</translation>
    </message>
    <message>
        <source>What often came before your flares, 1 to 3 days before. These are design choices too.</source>
        <translation>Was Ihren Schüben oft vorausging, 1 bis 3 Tage vorher. Auch das sind Gestaltungsentscheidungen.</translation>
    </message>
    <message>
        <source>Reminders and start-up (this computer)</source>
        <translation>Erinnerungen und Start (dieser Computer)</translation>
    </message>
    <message>
        <source>Show an &amp;icon in the tray</source>
        <translation>Symbol im &amp;Infobereich anzeigen</translation>
    </message>
    <message>
        <source>&amp;Morning reminder at</source>
        <translation>&amp;Morgenerinnerung um</translation>
    </message>
    <message>
        <source>Morning reminder time</source>
        <translation>Uhrzeit der Morgenerinnerung</translation>
    </message>
    <message>
        <source>E&amp;vening reminder at</source>
        <translation>&amp;Abenderinnerung um</translation>
    </message>
    <message>
        <source>Evening reminder time</source>
        <translation>Uhrzeit der Abenderinnerung</translation>
    </message>
    <message>
        <source>&amp;Start with the computer, in the tray</source>
        <translation>Mit dem Computer star&amp;ten, im Infobereich</translation>
    </message>
    <message>
        <source>Opens rehabjournal in the tray when you log in, so that the morning reminder can come.</source>
        <translation>Öffnet rehabjournal beim Anmelden im Infobereich, damit die Morgenerinnerung erscheinen kann.</translation>
    </message>
    <message>
        <source>only when today&apos;s check-in is still empty</source>
        <translation>nur wenn der heutige Morgen-Check noch leer ist</translation>
    </message>
    <message>
        <source>only when a session of the day needs its next-morning rating tomorrow</source>
        <translation>nur wenn eine Einheit des Tages morgen ihre Bewertung am nächsten Morgen braucht</translation>
    </message>
    <message>
        <source>Start with the computer could not be set: {reason}</source>
        <translation>Der Start mit dem Computer konnte nicht eingerichtet werden: {reason}</translation>
    </message>
</context>
<context>
    <name>PrescriptionForm</name>
    <message>
        <source>sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>hold (s)</source>
        <translation>Halten (s)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Maßeinheit</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>carried from an earlier phase</source>
        <translation>aus einer früheren Phase übernommen</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>{day}: {field} {change} &lt;i&gt;({who})&lt;/i&gt;</source>
        <translation>{day}: {field} {change} &lt;i&gt;({who})&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dose history (last {last} of {total})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dosisverlauf (letzte {last} von {total})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dose history&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dosisverlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Days per week</source>
        <translation>Tage pro Woche</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Mal pro Tag</translation>
    </message>
    <message>
        <source>Load unit</source>
        <translation>Lasteinheit</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up (blank: as the exercise)</source>
        <translation>z. B. 3 s ab, 3 s auf (leer: wie bei der Übung)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>as the exercise</source>
        <translation>wie bei der Übung</translation>
    </message>
    <message>
        <source>Pain rule</source>
        <translation>Schmerzregel</translation>
    </message>
    <message>
        <source>Effort target</source>
        <translation>Anstrengungsziel</translation>
    </message>
    <message>
        <source>e.g. about 70 % effort, or CR-10 3-4</source>
        <translation>z. B. etwa 70&#xa0;% Anstrengung oder CR-10 3-4</translation>
    </message>
    <message>
        <source>Picture or video</source>
        <translation>Bild oder Video</translation>
    </message>
    <message>
        <source>https:// link or a file (blank: as the exercise)</source>
        <translation>https://-Link oder eine Datei (leer: wie bei der Übung)</translation>
    </message>
    <message>
        <source>Prescription notes</source>
        <translation>Notizen zur Vorgabe</translation>
    </message>
    <message>
        <source>Shown with the exercise on Today, e.g. single leg, holding a weight</source>
        <translation>Wird unter Heute mit der Übung angezeigt, z. B. einbeinig, mit einem Gewicht in der Hand</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Halten (s)</translation>
    </message>
    <message>
        <source>Rest (s)</source>
        <translation>Pause (s)</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>Ü&amp;bung</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>&amp;Tempo</source>
        <translation>&amp;Tempo</translation>
    </message>
    <message>
        <source>or weekdays</source>
        <translation>oder Wochentage</translation>
    </message>
    <message>
        <source>Si&amp;de</source>
        <translation>S&amp;eite</translation>
    </message>
    <message>
        <source>E&amp;ffort target</source>
        <translation>Anstrengungs&amp;ziel</translation>
    </message>
    <message>
        <source>Picture or &amp;video</source>
        <translation>Bild oder &amp;Video</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>as the exercise ({side})</source>
        <translation>wie bei der Übung ({side})</translation>
    </message>
    <message>
        <source>as the exercise ({rule})</source>
        <translation>wie bei der Übung ({rule})</translation>
    </message>
    <message>
        <source>as the exercise: {tempo}</source>
        <translation>wie bei der Übung: {tempo}</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up</source>
        <translation>z. B. 3 s ab, 3 s auf</translation>
    </message>
    <message>
        <source>Run part (s)</source>
        <translation>Laufanteil (s)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Avg HR</source>
        <translation>Ø HF</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>Import Activities</source>
        <translation>Aktivitäten importieren</translation>
    </message>
    <message>
        <source>Activities found</source>
        <translation>Gefundene Aktivitäten</translation>
    </message>
    <message>
        <source>Files not read</source>
        <translation>Nicht gelesene Dateien</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Merge duplicates into sessions typed by hand</source>
        <translation>Duplikate mit von Hand eingegebenen Einheiten &amp;zusammenführen</translation>
    </message>
    <message>
        <source>On: an activity on the same day as a session you typed by hand, of the same activity and with similar minutes (within 5 minutes or 15 %), fills in what that session lacks (start time, heart rate, climb, distance); what you typed stays. Off: it is skipped.</source>
        <translation>Ein: Eine Aktivität am selben Tag wie eine von Hand eingegebene Einheit, mit derselben Aktivität und ähnlichen Minuten (höchstens 5 Minuten oder 15 % Unterschied), ergänzt, was dieser Einheit fehlt (Startzeit, Herzfrequenz, Höhenmeter, Strecke); was Sie eingegeben haben, bleibt. Aus: Sie wird übersprungen.</translation>
    </message>
    <message>
        <source>The file says “{sport}”; which activity each sport becomes is set in Preferences &gt; Activity files.</source>
        <translation>Die Datei nennt „{sport}“; welche Aktivität jede Sportart wird, legen Sie unter Einstellungen &gt; Aktivitätsdateien fest.</translation>
    </message>
    <message>
        <source>{moving} minutes moving, {elapsed} with pauses</source>
        <translation>{moving} Minuten in Bewegung, {elapsed} mit Pausen</translation>
    </message>
    <message>
        <source>Add: {reason}</source>
        <translation>Hinzufügen: {reason}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>merges into the session typed by hand</source>
        <translation>von Hand eingegebene Einheit ergänzen</translation>
    </message>
    <message>
        <source>Skip: merging is off</source>
        <translation>Überspringen: Zusammenführen ist aus</translation>
    </message>
    <message>
        <source>Skip: {reason}</source>
        <translation>Überspringen: {reason}</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>No activities were found in what you chose.</source>
        <translation>In Ihrer Auswahl wurden keine Aktivitäten gefunden.</translation>
    </message>
    <message>
        <source>Imported sessions wait on Today for your effort and pain ratings.</source>
        <translation>Importierte Einheiten warten auf der Seite Heute auf Ihre Angaben zu Anstrengung und Schmerz.</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Es wurde nichts importiert. {reason}</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <source>Programme name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>not set: week 1 is the week you start</source>
        <translation>nicht festgelegt: Woche 1 ist die Woche, in der Sie beginnen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the start date</source>
        <translation>Startdatum leeren</translation>
    </message>
    <message>
        <source>No start date: week 1 is the week you start (Delete in the date does the same)</source>
        <translation>Kein Startdatum: Woche 1 ist die Woche, in der Sie beginnen (Entf im Datum bewirkt dasselbe)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>physio&apos;s name</source>
        <translation>Name des Physiotherapeuten</translation>
    </message>
    <message>
        <source>Clinician contact</source>
        <translation>Kontakt des Behandlers</translation>
    </message>
    <message>
        <source>phone or e-mail</source>
        <translation>Telefon oder E-Mail</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Datum der Kontrolle</translation>
    </message>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>jjjj-mm-tt</translation>
    </message>
    <message>
        <source>Physio</source>
        <translation>Physiotherapeut</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Kontrolle am</translation>
    </message>
    <message>
        <source>Phases and exercises</source>
        <translation>Phasen und Übungen</translation>
    </message>
    <message>
        <source>Add ph&amp;ase</source>
        <translation>Phase hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add e&amp;xercise</source>
        <translation>Übun&amp;g hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate phase</source>
        <translation>Phase duplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move up (or drag and drop)</source>
        <translation>Nach oben (oder durch Ziehen)</translation>
    </message>
    <message>
        <source>Move down (or drag and drop)</source>
        <translation>Nach unten (oder durch Ziehen)</translation>
    </message>
    <message>
        <source>Select a phase or an exercise to edit it. Drag rows to reorder them.</source>
        <translation>Wählen Sie eine Phase oder Übung aus, um sie zu bearbeiten. Ziehen Sie Zeilen, um sie neu anzuordnen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Review date: type it as yyyy-mm-dd, e.g. 2026-05-04 (blank: none).</source>
        <translation>Datum der Kontrolle: Geben Sie es als jjjj-mm-tt ein, z. B. 2026-05-04 (leer: keines).</translation>
    </message>
    <message>
        <source>Phase {n}</source>
        <translation>Phase {n}</translation>
    </message>
</context>
<context>
    <name>ProgrammeFiles</name>
    <message>
        <source>Export programme</source>
        <translation>Programm exportieren</translation>
    </message>
    <message>
        <source>Programme files (*.json)</source>
        <translation>Programmdateien (*.json)</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} gespeichert.</translation>
    </message>
    <message>
        <source>Import programme</source>
        <translation>Programm importieren</translation>
    </message>
    <message>
        <source>Programme files (*.json);;All files (*)</source>
        <translation>Programmdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Nichts wurde importiert. {reason}</translation>
    </message>
    <message>
        <source>Imported {file} as a new programme (not active yet).</source>
        <translation>{file} als neues Programm importiert (noch nicht aktiv).</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>... and {n} more.</source>
        <translation>... und {n} weitere.</translation>
    </message>
</context>
<context>
    <name>ProgrammeListModel</name>
    <message>
        <source>{name}  (active)</source>
        <translation>{name}  (aktiv)</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>&amp;Programmes</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>Bib&amp;liothek</translation>
    </message>
    <message>
        <source>A&amp;dherence and advice</source>
        <translation>Adhärenz und Emp&amp;fehlungen</translation>
    </message>
</context>
<context>
    <name>ProgrammeSheetAction</name>
    <message>
        <source>Programme &amp;sheet...</source>
        <translation>Programmbla&amp;tt...</translation>
    </message>
    <message>
        <source>A printable handout of this programme to follow at home, with boxes to tick ({keys})</source>
        <translation>Ein druckbares Blatt dieses Programms für zu Hause, mit Kästchen zum Ankreuzen ({keys})</translation>
    </message>
    <message>
        <source>Programme sheet...</source>
        <translation>Programmblatt...</translation>
    </message>
</context>
<context>
    <name>ProgrammeSheetDialog</name>
    <message>
        <source>Programme sheet</source>
        <translation>Programmblatt</translation>
    </message>
    <message>
        <source>Programme sheet preview</source>
        <translation>Vorschau des Programmblatts</translation>
    </message>
    <message>
        <source>Making the programme sheet…</source>
        <translation>Programmblatt wird erstellt…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A handout to follow at home: each exercise with its dose, how often, what to watch for and the pain rule, and a box to tick for each session.</source>
        <translation>Ein Blatt für zu Hause: jede Übung mit Dosis, Häufigkeit, worauf zu achten ist und der Schmerzregel, dazu ein Kästchen zum Ankreuzen für jede Einheit.</translation>
    </message>
    <message>
        <source>The programme sheet could not be made: {message}</source>
        <translation>Das Programmblatt konnte nicht erstellt werden: {message}</translation>
    </message>
    <message>
        <source>Save the programme sheet</source>
        <translation>Programmblatt speichern</translation>
    </message>
    <message>
        <source>Programme sheet not saved</source>
        <translation>Programmblatt nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Programme sheet saved to {path}</source>
        <translation>Programmblatt gespeichert unter {path}</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <source>No programme data yet</source>
        <translation>Noch keine Programmdaten</translation>
    </message>
    <message>
        <source>Nothing logged yet</source>
        <translation>Noch nichts eingetragen</translation>
    </message>
    <message>
        <source>Nothing logged yet: mark an exercise done on Today and its progression shows here</source>
        <translation>Noch nichts eingetragen: Markieren Sie unter Heute eine Übung als erledigt, dann erscheint hier ihr Verlauf</translation>
    </message>
    <message>
        <source>Adherence per exercise</source>
        <translation>Adhärenz pro Übung</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Programme adherence:&lt;/b&gt; {total}.</source>
        <translation>&lt;b&gt;Programm-Adhärenz:&lt;/b&gt; {total}.</translation>
    </message>
</context>
<context>
    <name>ProgrammeTreeModel</name>
    <message>
        <source>Phase / exercise</source>
        <translation>Phase / Übung</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>{phase}  (deload)</source>
        <translation>{phase}  (Entlastung)</translation>
    </message>
    <message>
        <source>{dose}, tempo {tempo}</source>
        <translation>{dose}, Tempo {tempo}</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Programmes</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>From &amp;template</source>
        <translation>Aus &amp;Vorlage</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>A&amp;ktivieren</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importieren...</translation>
    </message>
    <message>
        <source>Exp&amp;ort...</source>
        <translation>E&amp;xportieren...</translation>
    </message>
    <message>
        <source>&amp;Calendar (.ics)...</source>
        <translation>Kalende&amp;r (.ics)...</translation>
    </message>
    <message>
        <source>Import a programme file, e.g. one sent by your physio</source>
        <translation>Eine Programmdatei importieren, z. B. eine von Ihrem Physiotherapeuten</translation>
    </message>
    <message>
        <source>Save this programme as a file to share</source>
        <translation>Dieses Programm als Datei zum Weitergeben speichern</translation>
    </message>
    <message>
        <source>Save the planned sessions for your calendar app</source>
        <translation>Die geplanten Einheiten für Ihre Kalender-App speichern</translation>
    </message>
    <message>
        <source>&amp;Make inactive</source>
        <translation>Dea&amp;ktivieren</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>My programme</source>
        <translation>Mein Programm</translation>
    </message>
    <message>
        <source>Phase {n}</source>
        <translation>Phase {n}</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Letzte 12 Wochen</translation>
    </message>
    <message>
        <source>Since the programme started</source>
        <translation>Seit Programmbeginn</translation>
    </message>
    <message>
        <source>Whole journal</source>
        <translation>Gesamtes Tagebuch</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Zeitraum von</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Zeitraum bis</translation>
    </message>
    <message>
        <source>Pain site</source>
        <translation>Schmerzstelle</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Preparing charts...</source>
        <translation>Diagramme werden vorbereitet...</translation>
    </message>
    <message>
        <source>As logged</source>
        <translation>Wie eingetragen</translation>
    </message>
    <message>
        <source>Hover over a chart for the day&apos;s values; right-click to save it as PNG or SVG.</source>
        <translation>Fahren Sie mit der Maus über ein Diagramm, um die Werte des Tages zu sehen; Rechtsklick, um es als PNG oder SVG zu speichern.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Advice as of {day}:&lt;/b&gt; {advice}</source>
        <translation>&lt;b&gt;Empfehlung zum {day}:&lt;/b&gt; {advice}</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Training load</source>
        <translation>Trainingsbelastung</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Outcome measures</source>
        <translation>Outcome-Fragebögen</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Muster</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Question {number}</source>
        <translation>Frage {number}</translation>
    </message>
    <message>
        <source>Edit the words, then press Enter or Tab</source>
        <translation>Bearbeiten Sie den Text und drücken Sie dann Eingabe oder Tab</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Gestellt</translation>
    </message>
    <message>
        <source>Asked: question {number}</source>
        <translation>Gestellt: Frage {number}</translation>
    </message>
    <message>
        <source>Ticked once you have asked: {question}</source>
        <translation>Angekreuzt, sobald Sie gefragt haben: {question}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete question {number}</source>
        <translation>Frage {number} löschen</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>(English original)</source>
        <translation>(englisches Original)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Previous item (Backspace)</source>
        <translation>Vorherige Frage (Rücktaste)</translation>
    </message>
    <message>
        <source>Leave this item unanswered (S)</source>
        <translation>Diese Frage unbeantwortet lassen (S)</translation>
    </message>
    <message>
        <source>Next item (Enter)</source>
        <translation>Nächste Frage (Eingabe)</translation>
    </message>
    <message>
        <source>{n} items, about {minutes} minutes.</source>
        <translation>{n} Fragen, etwa {minutes} Minuten.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>e.g. running, stairs, kneeling</source>
        <translation>z. B. Laufen, Treppen, Knien</translation>
    </message>
    <message>
        <source>Activity {number}</source>
        <translation>Aktivität {number}</translation>
    </message>
    <message>
        <source>Activity {number} rating</source>
        <translation>Bewertung von Aktivität {number}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Enter or Esc closes.</source>
        <translation>Eingabe oder Esc schließt.</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} Fragen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Enter to start; Esc to cancel.</source>
        <translation>Eingabe zum Starten; Esc zum Abbrechen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Tab between fields, Up/Down to rate; Enter saves.</source>
        <translation>Tab wechselt das Feld, Pfeil hoch/runter bewertet; Eingabe speichert.</translation>
    </message>
    <message>
        <source>item {number} of {total}</source>
        <translation>Frage {number} von {total}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for finish, Backspace to go back, S to skip.</source>
        <translation>Drücken Sie {keys} zum Antworten, Eingabe zum Abschließen, Rücktaste zum Zurückgehen, S zum Überspringen.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for finish, Backspace to go back.</source>
        <translation>Drücken Sie {keys} zum Antworten, Eingabe zum Abschließen, Rücktaste zum Zurückgehen.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for next, Backspace to go back, S to skip.</source>
        <translation>Drücken Sie {keys} zum Antworten, Eingabe für weiter, Rücktaste zum Zurückgehen, S zum Überspringen.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for next, Backspace to go back.</source>
        <translation>Drücken Sie {keys} zum Antworten, Eingabe für weiter, Rücktaste zum Zurückgehen.</translation>
    </message>
    <message>
        <source>Choose an answer (a number key), or press S to skip this item.</source>
        <translation>Wählen Sie eine Antwort (eine Zifferntaste) oder drücken Sie S, um diese Frage zu überspringen.</translation>
    </message>
    <message>
        <source>Please choose an answer: a number key or a click.</source>
        <translation>Bitte wählen Sie eine Antwort: eine Zifferntaste oder ein Klick.</translation>
    </message>
    <message>
        <source>Change from your first {instrument}: {change} (meaningful change: {mcid}).</source>
        <translation>Änderung seit Ihrem ersten {instrument}: {change} (relevante Änderung: {mcid}).</translation>
    </message>
    <message>
        <source>Saved for {day}.</source>
        <translation>Gespeichert für {day}.</translation>
    </message>
</context>
<context>
    <name>Questionnaires</name>
    <message>
        <source>{text} (English original)</source>
        <translation>{text} (englisches Original)</translation>
    </message>
</context>
<context>
    <name>QuestionsSection</name>
    <message>
        <source>Type a question for your next appointment, e.g. Ice or heat after a run?</source>
        <translation>Geben Sie eine Frage für Ihren nächsten Termin ein, z. B. Eis oder Wärme nach dem Laufen?</translation>
    </message>
    <message>
        <source>No questions yet. Add the ones you want to ask: the open ones are printed on page one of the report.</source>
        <translation>Noch keine Fragen. Fügen Sie die hinzu, die Sie stellen möchten: Die offenen werden auf Seite eins des Berichts gedruckt.</translation>
    </message>
    <message>
        <source>On page one of the report until you tick “Asked”.</source>
        <translation>Auf Seite eins des Berichts, bis Sie „Gestellt“ ankreuzen.</translation>
    </message>
    <message>
        <source>Questions for your physio</source>
        <translation>Fragen an Ihren Physiotherapeuten</translation>
    </message>
    <message>
        <source>New question for your physio</source>
        <translation>Neue Frage an Ihren Physiotherapeuten</translation>
    </message>
    <message>
        <source>Add q&amp;uestion ({keys})</source>
        <translation>Frage hin&amp;zufügen ({keys})</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Frage hinzufügen</translation>
    </message>
    <message>
        <source>Show asked questions</source>
        <translation>Gestellte Fragen anzeigen</translation>
    </message>
    <message>
        <source>Today: Add a question for your physio</source>
        <translation>Heute: Frage an Ihren Physiotherapeuten hinzufügen</translation>
    </message>
    <message>
        <source>Show asked questions ({n})</source>
        <translation>Gestellte Fragen anzeigen ({n})</translation>
    </message>
</context>
<context>
    <name>RateRow</name>
    <message>
        <source>Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal. Enter saves the row.</source>
        <translation>Anstrengung der Einheit auf der CR-10-Skala: 0 Ruhe, 3 mäßig, 5 hart, 7 sehr hart, 10 maximal. Eingabe speichert die Zeile.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save this session&apos;s effort and pain (Enter)</source>
        <translation>Anstrengung und Schmerz dieser Einheit speichern (Eingabe)</translation>
    </message>
    <message>
        <source>Pain during (worst)</source>
        <translation>Schmerz während (stärkster)</translation>
    </message>
    <message>
        <source>To rate: {session}</source>
        <translation>Zu bewerten: {session}</translation>
    </message>
    <message>
        <source>From a watch or app file; average heart rate {bpm} bpm</source>
        <translation>Aus einer Uhr- oder App-Datei; durchschnittliche Herzfrequenz {bpm} S/min</translation>
    </message>
    <message>
        <source>From a watch or app file</source>
        <translation>Aus einer Uhr- oder App-Datei</translation>
    </message>
    <message>
        <source>Type the effort (0-10) to rate this session: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal.</source>
        <translation>Geben Sie die Anstrengung (0-10) ein, um diese Einheit zu bewerten: 0 Ruhe, 3 mäßig, 5 hart, 7 sehr hart, 10 maximal.</translation>
    </message>
</context>
<context>
    <name>RedFlagsSection</name>
    <message>
        <source>Red flags: tick any that apply today</source>
        <translation>Red Flags (Warnzeichen): Kreuzen Sie an, was heute zutrifft</translation>
    </message>
    <message>
        <source>See a clinician now if this applies.</source>
        <translation>Suchen Sie jetzt einen Behandler auf, wenn das zutrifft.</translation>
    </message>
    <message>
        <source>Book an assessment if this applies.</source>
        <translation>Vereinbaren Sie eine Untersuchung, wenn das zutrifft.</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>knee</source>
        <extracomment>The exercise library&apos;s body regions (``services.programme.REGIONS``) as shown.</extracomment>
        <translation>Knie</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>Sprunggelenk</translation>
    </message>
    <message>
        <source>whole leg</source>
        <translation>ganzes Bein</translation>
    </message>
    <message>
        <source>core</source>
        <translation>Rumpf</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <source>Reading the journal</source>
        <extracomment>the PDF&apos;s language (&quot;en&quot;, &quot;fr&quot;, &quot;de&quot;); None: the window&apos;s</extracomment>
        <translation>Tagebuch wird gelesen</translation>
    </message>
    <message>
        <source>Rendering the preview</source>
        <translation>Vorschau wird erstellt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>What often came before flares, 1 to 3 days before, with the counts and the statistics: associations, not causes. Over the report&apos;s period, or the 12 weeks to its last day when it is shorter. Off unless you tick it.</source>
        <translation>Was den Schüben oft vorausging, 1 bis 3 Tage vorher, mit Anzahlen und Statistik: Zusammenhänge, keine Ursachen. Über den Zeitraum des Berichts oder die 12 Wochen bis zu seinem letzten Tag, wenn er kürzer ist. Aus, solange Sie es nicht ankreuzen.</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Last 6 weeks</source>
        <translation>Letzte 6 Wochen</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Letzte 12 Wochen</translation>
    </message>
    <message>
        <source>Whole journal</source>
        <translation>Gesamtes Tagebuch</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Report from</source>
        <translation>Bericht von</translation>
    </message>
    <message>
        <source>Report to</source>
        <translation>Bericht bis</translation>
    </message>
    <message>
        <source>Same as the window ({language})</source>
        <translation>Wie das Fenster ({language})</translation>
    </message>
    <message>
        <source>The language of the PDF: a physiotherapist may read another language than yours.</source>
        <translation>Die Sprache des PDF: Ihr Physiotherapeut liest vielleicht eine andere Sprache als Sie.</translation>
    </message>
    <message>
        <source>Anonymise (initials only)</source>
        <translation>Anonymisieren (nur Initialen)</translation>
    </message>
    <message>
        <source>Show the patient&apos;s initials instead of the name and leave out the clinician&apos;s name.</source>
        <translation>Die Initialen des Patienten statt des Namens zeigen und den Namen des Behandlers weglassen.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Sprache des Berichts</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Page one: what changed</source>
        <translation>Seite eins: was sich geändert hat</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>The report is printed on every page with the patient&apos;s initials and page numbers.</source>
        <translation>Der Hinweis steht auf jeder Seite des Berichts, mit den Initialen des Patienten und den Seitenzahlen.</translation>
    </message>
    <message>
        <source>Clinician report</source>
        <translation>Bericht für den Behandler</translation>
    </message>
    <message>
        <source>Report options</source>
        <translation>Berichtsoptionen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>Im Betrachter öffnen</translation>
    </message>
    <message>
        <source>Questions on page one</source>
        <translation>Fragen auf Seite eins</translation>
    </message>
    <message>
        <source>… and {n} more, printed at the end</source>
        <translation>… und {n} weitere, am Ende gedruckt</translation>
    </message>
    <message>
        <source>No open questions. Add them under “Questions for your physio” on Today; tick “Asked” there once asked.</source>
        <translation>Keine offenen Fragen. Fügen Sie sie unter Heute bei „Fragen an Ihren Physiotherapeuten“ hinzu; kreuzen Sie dort „Gestellt“ an, sobald Sie gefragt haben.</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &apos;To&apos; date on or after the &apos;From&apos; date.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wählen Sie ein „Bis“-Datum am oder nach dem „Von“-Datum.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Bericht wird erstellt…</translation>
    </message>
    <message>
        <source>No entries in this period: the report says so. Choose another period.</source>
        <translation>Keine Einträge in diesem Zeitraum: Der Bericht sagt das. Wählen Sie einen anderen Zeitraum.</translation>
    </message>
    <message>
        <source>The report could not be made: {message}</source>
        <translation>Der Bericht konnte nicht erstellt werden: {message}</translation>
    </message>
    <message>
        <source>The journal changed since this preview: press Make report to update it.</source>
        <translation>Das Tagebuch hat sich seit dieser Vorschau geändert: Drücken Sie Bericht erstellen, um sie zu aktualisieren.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Bericht gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}.</source>
        <translation>{path} konnte nicht gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Nicht gedruckt</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Der Drucker konnte nicht gestartet werden.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. The journal that could not be opened is moved into the backups folder as it is, and kept there.
Backups are in {folder}.</source>
        <translation>Wählen Sie die Kopie, zu der Sie zurückkehren möchten. Das Tagebuch, das nicht geöffnet werden konnte, wird unverändert in den Sicherungsordner verschoben und dort aufbewahrt.
Die Sicherungen liegen in {folder}.</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. Your journal as it is now is saved first, so a restore can be undone by restoring that copy.
Backups are in {folder}.</source>
        <translation>Wählen Sie die Kopie, zu der Sie zurückkehren möchten. Ihr Tagebuch, wie es jetzt ist, wird zuerst gesichert, sodass sich eine Wiederherstellung rückgängig machen lässt, indem Sie diese Kopie wiederherstellen.
Die Sicherungen liegen in {folder}.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>There are no backups yet. Use File &gt; Back Up Now to make one.</source>
        <translation>Es gibt noch keine Sicherungen. Erstellen Sie eine mit Datei &gt; Jetzt sichern.</translation>
    </message>
    <message>
        <source>&amp;Restore this copy...</source>
        <translation>Diese Kopie &amp;wiederherstellen...</translation>
    </message>
    <message>
        <source>Cannot restore this copy</source>
        <translation>Diese Kopie kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The copy of {made}</source>
        <translation>Die Kopie vom {made}</translation>
    </message>
    <message>
        <source>{check_ins} check-ins, {sessions} sessions, {logs} exercise logs</source>
        <translation>Morgen-Checks: {check_ins}, Einheiten: {sessions}, Übungsprotokolle: {logs}</translation>
    </message>
    <message>
        <source>The journal that could not be opened is moved to the backups folder as it is, and kept there.</source>
        <translation>Das Tagebuch, das nicht geöffnet werden konnte, wird unverändert in den Sicherungsordner verschoben und dort aufbewahrt.</translation>
    </message>
    <message>
        <source>Your journal as it is now is saved to the backups folder first.</source>
        <translation>Ihr Tagebuch, wie es jetzt ist, wird zuerst im Sicherungsordner gesichert.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Diese Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Put the copy of {made} ({counts}) in place of your journal?

{first}</source>
        <translation>Die Kopie vom {made} ({counts}) an die Stelle Ihres Tagebuchs setzen?

{first}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>{reason}. Your journal was left as it was.</source>
        <translation>{reason}. Ihr Tagebuch blieb unverändert.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Restored the backup of {made}</source>
        <translation>Sicherung vom {made} wiederhergestellt</translation>
    </message>
    <message>
        <source>The journal is back as it was on {made}.</source>
        <translation>Das Tagebuch ist wieder so wie am {made}.</translation>
    </message>
    <message>
        <source>The journal that could not be opened is kept, as it was, in
{path}</source>
        <translation>Das Tagebuch, das nicht geöffnet werden konnte, liegt unverändert in
{path}</translation>
    </message>
    <message>
        <source>The journal as it was before the restore is kept in
{path}</source>
        <translation>Das Tagebuch, wie es vor der Wiederherstellung war, liegt in
{path}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Effort (CR-10)</source>
        <translation>Anstrengung (CR-10)</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Schmerz vorher</translation>
    </message>
    <message>
        <source>Pain during (worst)</source>
        <translation>Schmerz während (stärkster)</translation>
    </message>
    <message>
        <source>Pain after</source>
        <translation>Schmerz danach</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>effort...</source>
        <translation>Anstrengung...</translation>
    </message>
    <message>
        <source>Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal</source>
        <translation>Anstrengung der Einheit auf der CR-10-Skala: 0 Ruhe, 3 mäßig, 5 hart, 7 sehr hart, 10 maximal</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Pain site</source>
        <translation>Schmerzstelle</translation>
    </message>
    <message>
        <source>The pain site of this session&apos;s pain ratings: {site}</source>
        <translation>Die Schmerzstelle der Schmerzbewertungen dieser Einheit: {site}</translation>
    </message>
    <message>
        <source>The pain site of this session&apos;s pain ratings</source>
        <translation>Die Schmerzstelle der Schmerzbewertungen dieser Einheit</translation>
    </message>
    <message>
        <source>notes (route, shoes, how it felt)</source>
        <translation>Notizen (Strecke, Schuhe, wie es sich anfühlte)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this session (Edit &gt; Undo brings it back)</source>
        <translation>Diese Einheit löschen (Bearbeiten &gt; Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Enter the minutes to save this session.</source>
        <translation>Geben Sie die Minuten ein, um diese Einheit zu speichern.</translation>
    </message>
    <message>
        <source>Also {site}:</source>
        <translation>Auch {site}:</translation>
    </message>
    <message>
        <source>{field} ({site})</source>
        <translation>{field} ({site})</translation>
    </message>
    <message>
        <source>From the programme&apos;s exercises logged today (Exercises due below): the minutes are estimated from the prescriptions; type the real minutes to replace the estimate.</source>
        <translation>Aus den heute eingetragenen Übungen des Programms (Fällige Übungen, weiter unten): Die Minuten sind aus den Vorgaben geschätzt; geben Sie die tatsächlichen Minuten ein, um die Schätzung zu ersetzen.</translation>
    </message>
    <message>
        <source>From the programme&apos;s exercises logged today (Exercises due below).</source>
        <translation>Aus den heute eingetragenen Übungen des Programms (Fällige Übungen, weiter unten).</translation>
    </message>
    <message>
        <source>started {time}</source>
        <translation>Start um {time}</translation>
    </message>
    <message>
        <source>average heart rate {bpm} bpm (highest {top})</source>
        <translation>durchschnittliche Herzfrequenz {bpm} S/min (höchste {top})</translation>
    </message>
    <message>
        <source>average heart rate {bpm} bpm</source>
        <translation>durchschnittliche Herzfrequenz {bpm} S/min</translation>
    </message>
    <message>
        <source>{metres} m climb</source>
        <translation>{metres} Höhenmeter</translation>
    </message>
    <message>
        <source>{minutes} min of pauses (not counted)</source>
        <translation>{minutes} min Pausen (nicht gezählt)</translation>
    </message>
    <message>
        <source>From a watch or app file.</source>
        <translation>Aus einer Uhr- oder App-Datei.</translation>
    </message>
    <message>
        <source>From a watch or app file: {details}.</source>
        <translation>Aus einer Uhr- oder App-Datei: {details}.</translation>
    </message>
    <message>
        <source>Typed by hand and matched with a watch or app file.</source>
        <translation>Von Hand eingegeben und mit einer Uhr- oder App-Datei abgeglichen.</translation>
    </message>
    <message>
        <source>Typed by hand and matched with a watch or app file: {details}.</source>
        <translation>Von Hand eingegeben und mit einer Uhr- oder App-Datei abgeglichen: {details}.</translation>
    </message>
    <message>
        <source>Activity needs a name, e.g. run, cycle or rehab exercises.</source>
        <translation>Die Aktivität braucht einen Namen, z. B. Laufen, Radfahren oder Reha-Übungen.</translation>
    </message>
</context>
<context>
    <name>SessionsSection</name>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>&amp;Add session (Ctrl+N)</source>
        <translation>E&amp;inheit hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Today: Add a session</source>
        <translation>Heute: Einheit hinzufügen</translation>
    </message>
    <message>
        <source>Add pain s&amp;ite...</source>
        <translation>Schmerzst&amp;elle hinzufügen...</translation>
    </message>
    <message>
        <source>No session recorded on this day. Rest days count too: they show as zero load.</source>
        <translation>An diesem Tag ist keine Einheit eingetragen. Ruhetage zählen auch: Sie erscheinen mit einer Belastung von null.</translation>
    </message>
    <message>
        <source>Merged with the rehab exercises session made from your exercise log: one session, so the exercises count once.</source>
        <translation>Mit der Einheit Reha-Übungen zusammengeführt, die aus Ihrem Übungsprotokoll erstellt wurde: eine Einheit, damit die Übungen nur einmal zählen.</translation>
    </message>
</context>
<context>
    <name>SheetJob</name>
    <message>
        <source>Laying out the sheet</source>
        <translation>Blatt wird gesetzt</translation>
    </message>
    <message>
        <source>Rendering the preview</source>
        <translation>Vorschau wird erstellt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every shortcut of rehabjournal, as the menus show them.</source>
        <translation>Alle Tastenkürzel von rehabjournal, wie die Menüs sie zeigen.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>left</source>
        <extracomment>``scales.SIDES`` as shown (&quot;&quot; is &quot;not applicable&quot;).</extracomment>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>nicht zutreffend</translation>
    </message>
</context>
<context>
    <name>StartupWork</name>
    <message>
        <source>Backing up...</source>
        <translation>Sicherung läuft...</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>Your journal failed its check</source>
        <translation>Ihr Tagebuch hat die Prüfung nicht bestanden</translation>
    </message>
    <message>
        <source>rehabjournal&apos;s check of your journal found damage. What you see may be incomplete, and new entries may not be kept safely.

Restore a backup made before the damage: your journal as it is now is kept in the backups folder first.</source>
        <translation>Die Prüfung Ihres Tagebuchs durch rehabjournal hat Schäden gefunden. Was Sie sehen, ist möglicherweise unvollständig, und neue Einträge werden eventuell nicht sicher gespeichert.

Stellen Sie eine Sicherung von vor dem Schaden wieder her: Ihr Tagebuch, wie es jetzt ist, wird zuerst im Sicherungsordner aufbewahrt.</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found: {found}.

The journal: {journal}
The backups: {backups}</source>
        <translation>Die Prüfung von SQLite fand: {found}.

Das Tagebuch: {journal}
Die Sicherungen: {backups}</translation>
    </message>
    <message>
        <source>The journal failed its check: restore a backup (File &gt; Restore from Backup...)</source>
        <translation>Das Tagebuch hat seine Prüfung nicht bestanden: Stellen Sie eine Sicherung wieder her (Datei &gt; Aus Sicherung wiederherstellen...)</translation>
    </message>
    <message>
        <source>Restore a backup...</source>
        <translation>Sicherung wiederherstellen...</translation>
    </message>
    <message>
        <source>Start-up checks failed: {reason}</source>
        <translation>Die Prüfungen beim Start sind fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>Progress</source>
        <translation>Steigern</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Back off</source>
        <translation>Zurückgehen</translation>
    </message>
    <message>
        <source>See your physio</source>
        <translation>Zum Physiotherapeuten</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>hold (s)</source>
        <translation>Halten (s)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>add note: {note}</source>
        <translation>Notiz hinzufügen: {note}</translation>
    </message>
    <message>
        <source>{change}; note: {note}</source>
        <translation>{change}; Notiz: {note}</translation>
    </message>
</context>
<context>
    <name>Swelling</name>
    <message>
        <source>none</source>
        <extracomment>``scales.SWELLING_GRADES`` as shown.</extracomment>
        <translation>keine</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leicht</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>stark</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New programme from template</source>
        <translation>Neues Programm aus Vorlage</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Next &amp;Monday</source>
        <translation>Nächster &amp;Montag</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>&amp;Beginnt am</translation>
    </message>
    <message>
        <source>Your active programme: {name}</source>
        <translation>Ihr aktives Programm: {name}</translation>
    </message>
    <message>
        <source>Make the new programme the active one: its exercises show on Today from its start</source>
        <translation>Das neue Programm zum aktiven machen: Seine Übungen erscheinen ab dem Start unter Heute</translation>
    </message>
    <message>
        <source>Keep “{name}” active; add the new programme inactive, to start it later</source>
        <translation>„{name}“ aktiv lassen; das neue Programm inaktiv hinzufügen, um es später zu beginnen</translation>
    </message>
    <message>
        <source>Either way “{name}” stays in your list with its logs; &lt;i&gt;Make active&lt;/i&gt; switches between programmes.</source>
        <translation>In beiden Fällen bleibt „{name}“ mit seinen Einträgen in Ihrer Liste; &lt;i&gt;Aktivieren&lt;/i&gt; wechselt zwischen Programmen.</translation>
    </message>
    <message>
        <source>It becomes your active programme: its exercises show on Today from its start date.</source>
        <translation>Es wird Ihr aktives Programm: Seine Übungen erscheinen ab dem Startdatum unter Heute.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Week 1 starts today; the last week ends {date}.</source>
        <translation>Woche 1 beginnt heute; die letzte Woche endet am {date}.</translation>
    </message>
    <message>
        <source>Week 1 starts today.</source>
        <translation>Woche 1 beginnt heute.</translation>
    </message>
    <message>
        <source>Not a Monday: the programme&apos;s weeks will run across the calendar weeks the adherence table counts.</source>
        <translation>Kein Montag: Die Wochen des Programms laufen quer zu den Kalenderwochen, die die Adhärenz-Tabelle zählt.</translation>
    </message>
</context>
<context>
    <name>ToRateSection</name>
    <message>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <source>HR {bpm}</source>
        <translation>HF {bpm}</translation>
    </message>
    <message>
        <source>From your watch or app files: type the effort (CR-10) and pain, Tab between them, Enter saves the row. Until rated, their minutes count but not their load.</source>
        <translation>Aus Ihren Uhr- oder App-Dateien: Geben Sie Anstrengung (CR-10) und Schmerz ein, Tab wechselt das Feld, Eingabe speichert die Zeile. Bis zur Bewertung zählen die Minuten, aber nicht die Belastung.</translation>
    </message>
    <message>
        <source>Open the latest one&apos;s day</source>
        <translation>Tag der neuesten öffnen</translation>
    </message>
    <message>
        <source>Open its day</source>
        <translation>Tag der Einheit öffnen</translation>
    </message>
    <message>
        <source>Shows on Today the day of the most recent older session without an effort; rate it there, in its session.</source>
        <translation>Zeigt auf der Seite Heute den Tag der neuesten älteren Einheit ohne Anstrengung; bewerten Sie sie dort, in ihrer Einheit.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>rehabjournal is still running</source>
        <translation>rehabjournal läuft weiter</translation>
    </message>
    <message>
        <source>It stays in the tray for your reminders. Quit it from the icon&apos;s menu or with File &gt; Quit.</source>
        <translation>Es bleibt für Ihre Erinnerungen im Infobereich. Beenden Sie es über das Menü des Symbols oder mit Datei &gt; Beenden.</translation>
    </message>
    <message>
        <source>&amp;Open rehabjournal</source>
        <translation>rehabjournal ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Today&apos;s &amp;check-in</source>
        <translation>Heutiger &amp;Morgen-Check</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>{title}. {text}</source>
        <translation>{title}. {text}</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>band</source>
        <extracomment>Load units that are words (``services.programme.LOAD_UNITS``); kg and lb are symbols.</extracomment>
        <translation>Band</translation>
    </message>
    <message>
        <source>bodyweight</source>
        <translation>Körpergewicht</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
</context>
<context>
    <name>WeekLoadModel</name>
    <message>
        <source>Load (AU)</source>
        <translation>Belastung (AE)</translation>
    </message>
    <message>
        <source>Change on the week before</source>
        <translation>Änderung zur Vorwoche</translation>
    </message>
    <message>
        <source>Monotony</source>
        <translation>Monotonie</translation>
    </message>
    <message>
        <source>Strain</source>
        <translation>Beanspruchung</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>ergänzt</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>Sessions without an effort: the load shown is the rated sessions&apos; only</source>
        <translation>Einheiten ohne Anstrengung: Die angezeigte Belastung ist nur die der bewerteten Einheiten</translation>
    </message>
    <message>
        <source>The whole week is in the period.</source>
        <translation>Die ganze Woche liegt im Zeitraum.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>knee</source>
        <extracomment>``scales.JOINTS`` and ``scales.SIDES`` as the form shows them (the journal keeps the English key, the item&apos;s data).</extracomment>
        <translation>Knie</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>Hüfte</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>Sprunggelenk</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>lower leg</source>
        <translation>Unterschenkel</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>nicht zutreffend</translation>
    </message>
    <message>
        <source>Welcome to rehabjournal</source>
        <translation>Willkommen bei rehabjournal</translation>
    </message>
    <message>
        <source>Record what you did and how the joint answered, especially the next morning. Patterns show which load was too much faster than guessing. Your journal stays on this computer.&lt;br&gt;&lt;i&gt;Information, not medical advice.&lt;/i&gt;</source>
        <translation>Notieren Sie, was Sie gemacht haben und wie das Gelenk reagiert hat, vor allem am nächsten Morgen. Muster zeigen schneller als Raten, welche Belastung zu viel war. Ihr Tagebuch bleibt auf diesem Computer.&lt;br&gt;&lt;i&gt;Information, keine medizinische Beratung.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Ihr Name oder Ihre Initialen</translation>
    </message>
    <message>
        <source>Other / not sure</source>
        <translation>Andere / unsicher</translation>
    </message>
    <message>
        <source>e.g. run 10 km without pain</source>
        <translation>z. B. 10 km ohne Schmerzen laufen</translation>
    </message>
    <message>
        <source>Your physiotherapist (optional)</source>
        <translation>Ihr Physiotherapeut (optional)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Condition</source>
        <translation>&amp;Erkrankung</translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation>&amp;Gelenk</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Seite</translation>
    </message>
    <message>
        <source>Pain &amp;began</source>
        <translation>Sch&amp;merzbeginn</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>Behand&amp;ler</translation>
    </message>
    <message>
        <source>C&amp;reate my journal</source>
        <translation>Mein Tagebuch e&amp;rstellen</translation>
    </message>
    <message>
        <source>Open the &amp;demo journal</source>
        <translation>Dem&amp;o-Tagebuch öffnen</translation>
    </message>
    <message>
        <source>Opens a generated 12-week journal in a separate window; your journal is not touched.</source>
        <translation>Öffnet ein erzeugtes Tagebuch über 12 Wochen in einem eigenen Fenster; Ihr Tagebuch bleibt unberührt.</translation>
    </message>
    <message>
        <source>Journal created</source>
        <translation>Tagebuch erstellt</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>{calendar}: year</source>
        <translation>{calendar}: Jahr</translation>
    </message>
    <message>
        <source>{context} tabs</source>
        <translation>Registerkarten {context}</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Registerkarten</translation>
    </message>
    <message>
        <source>{low} to {high} {unit}</source>
        <translation>{low} bis {high} {unit}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} bis {high}</translation>
    </message>
    <message>
        <source>a date, {format}</source>
        <translation>ein Datum, {format}</translation>
    </message>
    <message>
        <source>{choices} and {n} more</source>
        <translation>{choices} und {n} weitere</translation>
    </message>
    <message>
        <source>{what}: one of {choices}</source>
        <translation>{what}: eines von {choices}</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>eines von {choices}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The journal in {folder} is already open in another rehabjournal window. Switch to that window, or close it first.</source>
        <translation>Das Tagebuch in {folder} ist bereits in einem anderen rehabjournal-Fenster geöffnet. Wechseln Sie zu diesem Fenster oder schließen Sie es zuerst.</translation>
    </message>
    <message>
        <source>The journal in {folder} is already open in another rehabjournal window (process {pid} on {host}). Switch to that window, or close it first.</source>
        <translation>Das Tagebuch in {folder} ist bereits in einem anderen rehabjournal-Fenster geöffnet (Prozess {pid} auf {host}). Wechseln Sie zu diesem Fenster oder schließen Sie es zuerst.</translation>
    </message>
    <message>
        <source>The journal in {folder} is in use by the command {command} (process {pid} on {host}). Wait for it to finish, then open rehabjournal again.</source>
        <translation>Das Tagebuch in {folder} wird vom Befehl {command} verwendet (Prozess {pid} auf {host}). Warten Sie, bis er fertig ist, und öffnen Sie rehabjournal dann erneut.</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Falsche Passphrase</translation>
    </message>
    <message>
        <source>Encrypted journal</source>
        <translation>Verschlüsseltes Tagebuch</translation>
    </message>
    <message>
        <source>This journal is encrypted. Passphrase:</source>
        <translation>Dieses Tagebuch ist verschlüsselt. Passphrase:</translation>
    </message>
    <message>
        <source>rehabjournal: this journal is already open: its window was brought to the front.</source>
        <translation>rehabjournal: Dieses Tagebuch ist bereits geöffnet: Sein Fenster wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>rehabjournal cannot open the journal</source>
        <translation>rehabjournal kann das Tagebuch nicht öffnen</translation>
    </message>
    <message>
        <source>Restore a backup...</source>
        <translation>Sicherung wiederherstellen...</translation>
    </message>
    <message>
        <source>You can put a backup copy in its place: the journal that could not be opened is moved into the backups folder as it is, and kept there.</source>
        <translation>Sie können eine Sicherungskopie an seine Stelle setzen: Das Tagebuch, das nicht geöffnet werden konnte, wird unverändert in den Sicherungsordner verschoben und dort aufbewahrt.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>rehabjournal: the backups could not be listed: {reason}</source>
        <translation>rehabjournal: Die Sicherungen konnten nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellung nicht möglich</translation>
    </message>
</context>
<context>
    <name>appearance</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Your journal failed its integrity check ({found}), so no copy of it was made: a copy of a damaged journal would not help. Restore a backup made before the damage with File &gt; Restore from Backup...</source>
        <translation>Ihr Tagebuch hat die Integritätsprüfung nicht bestanden ({found}), daher wurde keine Kopie erstellt: Eine Kopie eines beschädigten Tagebuchs würde nicht helfen. Stellen Sie mit Datei &gt; Aus Sicherung wiederherstellen... eine Sicherung von vor dem Schaden wieder her.</translation>
    </message>
    <message>
        <source>{reason} Check the free space in {folder}.</source>
        <translation>{reason} Prüfen Sie den freien Speicherplatz in {folder}.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Gesichert in {file}</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sicherung erstellt</translation>
    </message>
    <message>
        <source>A copy of your journal was saved to
{path}

rehabjournal also makes one copy a day by itself, and keeps the last 14 days and 8 weeks of copies.</source>
        <translation>Eine Kopie Ihres Tagebuchs wurde gespeichert unter
{path}

rehabjournal erstellt außerdem selbst eine Kopie pro Tag und behält die Kopien der letzten 14 Tage und 8 Wochen.</translation>
    </message>
    <message>
        <source>Unusable: {reason}</source>
        <translation>Unbrauchbar: {reason}</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Alles exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>Nach {path} exportierte Zeilen: {n}</translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation>Alles importieren</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
    <message>
        <source>{path} was not imported; your journal is unchanged.</source>
        <translation>{path} wurde nicht importiert; Ihr Tagebuch ist unverändert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Imported {check_ins} check-ins, {sessions} sessions and {logs} exercise logs from {path}.</source>
        <translation>Aus {path} importiert (Morgen-Checks: {check_ins}, Einheiten: {sessions}, Übungsprotokolle: {logs}).</translation>
    </message>
    <message>
        <source>Export for clinician (FHIR)</source>
        <translation>Für Behandler exportieren (FHIR)</translation>
    </message>
    <message>
        <source>Put your name in the file, or only your initials?</source>
        <translation>Ihren Namen in die Datei schreiben oder nur Ihre Initialen?</translation>
    </message>
    <message>
        <source>The file holds your pain ratings and outcome measures as a FHIR R4 bundle that clinical software can read. It is not sent anywhere: you decide who gets it.</source>
        <translation>Die Datei enthält Ihre Schmerzwerte und Outcome-Fragebögen als FHIR-R4-Bundle, das klinische Software lesen kann. Sie wird nirgendwohin gesendet: Sie entscheiden, wer sie bekommt.</translation>
    </message>
    <message>
        <source>Include my &amp;name</source>
        <translation>Meinen &amp;Namen angeben</translation>
    </message>
    <message>
        <source>&amp;Initials only</source>
        <translation>Nur &amp;Initialen</translation>
    </message>
    <message>
        <source>Wrote a FHIR bundle of {n} entries to {path}</source>
        <translation>FHIR-Bundle nach {path} geschrieben (Einträge: {n})</translation>
    </message>
</context>
<context>
    <name>edit_path</name>
    <message>
        <source>Could not undo “{change}”. {reason}</source>
        <translation>„{change}“ konnte nicht rückgängig gemacht werden. {reason}</translation>
    </message>
    <message>
        <source>Could not redo “{change}”. {reason}</source>
        <translation>„{change}“ konnte nicht wiederholt werden. {reason}</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>Rückgängig gemacht: {change}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>Wiederholt: {change}</translation>
    </message>
    <message>
        <source>What you typed is still in the form; save again in a moment.</source>
        <translation>Ihre Eingabe steht noch im Formular; speichern Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>What you typed is still in the form; free some disk space or check the data folder, then try again.</source>
        <translation>Ihre Eingabe steht noch im Formular; geben Sie Speicherplatz frei oder prüfen Sie den Datenordner und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{reason} {advice}</source>
        <translation>{reason} {advice}</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>exercise_card</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>no rest</source>
        <translation>keine Pause</translation>
    </message>
    <message>
        <source>tempo {tempo}</source>
        <translation>Tempo {tempo}</translation>
    </message>
    <message>
        <source>rest {rest}</source>
        <translation>Pause {rest}</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Wie oft:</translation>
    </message>
    <message>
        <source>Rest between sets:</source>
        <translation>Pause zwischen den Sätzen:</translation>
    </message>
    <message>
        <source>Effort:</source>
        <translation>Anstrengung:</translation>
    </message>
    <message>
        <source>Pain:</source>
        <translation>Schmerz:</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Quelle: {source}</translation>
    </message>
    <message>
        <source>No picture or video is given for this exercise.</source>
        <translation>Für diese Übung ist kein Bild und kein Video angegeben.</translation>
    </message>
    <message>
        <source>That link is not a valid web address.</source>
        <translation>Dieser Link ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>The picture or video was not found: {path}</source>
        <translation>Das Bild oder Video wurde nicht gefunden: {path}</translation>
    </message>
    <message>
        <source>The picture or video could not be read: {path}</source>
        <translation>Das Bild oder Video konnte nicht gelesen werden: {path}</translation>
    </message>
    <message>
        <source>{path} points to {target}, which is not a picture, video or PDF: it is not opened.</source>
        <translation>{path} verweist auf {target}, das kein Bild, Video oder PDF ist: Es wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>No program on this computer could open it.</source>
        <translation>Kein Programm auf diesem Computer konnte es öffnen.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Everywhere</source>
        <extracomment>Keys that are no action of their own: (where, what, keys), translated where shown (``general_rows``).</extracomment>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Go to the field or button whose letter is underlined</source>
        <translation>Zum Feld oder zur Schaltfläche mit dem unterstrichenen Buchstaben</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+Buchstabe</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Nächstes / vorheriges Feld</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Umschalt+Tab</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulare</translation>
    </message>
    <message>
        <source>Save the field (every field saves when you leave it)</source>
        <translation>Feld speichern (jedes Feld wird beim Verlassen gespeichert)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Number fields</source>
        <translation>Zahlenfelder</translation>
    </message>
    <message>
        <source>One more / one less</source>
        <translation>Eins mehr / eins weniger</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Pfeil hoch / runter</translation>
    </message>
    <message>
        <source>Undo / redo your typing in the field; in a field with nothing of its own to undo, the last change (as Edit &gt; Undo / Redo)</source>
        <translation>Ihre Eingabe im Feld rückgängig machen / wiederholen; in einem Feld ohne eigene Eingabe zum Rückgängigmachen die letzte Änderung (wie Bearbeiten &gt; Rückgängig / Wiederholen)</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Strg+Z / Strg+Umschalt+Z</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <extracomment>Actions whose text changes with the journal (&quot;Undo Change morning pain&quot;): what they do.</extracomment>
        <translation>Letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rückgängig Gemachtes wiederholen</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, kommagetrennt (*.csv)</translation>
    </message>
    <message>
        <source>CSV, semicolon-separated with decimal commas (Excel in German, French ... settings) (*.csv)</source>
        <translation>CSV, semikolongetrennt mit Dezimalkomma (Excel mit deutschen, französischen ... Einstellungen) (*.csv)</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
    <message>
        <source>{path} has problems, so nothing was imported. Fix these lines and import it again:</source>
        <translation>{path} enthält Fehler, daher wurde nichts importiert. Korrigieren Sie diese Zeilen und importieren Sie die Datei erneut:</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>A copy of the journal as it was before was saved to {path}.</source>
        <translation>Eine Kopie des Tagebuchs, wie es vorher war, wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>Nach {path} exportierte Zeilen: {n}</translation>
    </message>
</context>
</TS>
