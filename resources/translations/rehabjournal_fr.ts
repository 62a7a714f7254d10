<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About rehabjournal</source>
        <translation>À propos de rehabjournal</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>&amp;Licences</translation>
    </message>
    <message>
        <source>rehabjournal is free software: you can share and change it under the GNU General Public License, version 3 or any later version. It comes with no warranty. It uses Qt and PySide6 (Copyright The Qt Company Ltd.) under the GNU Lesser General Public License, version 3. The Licences tab has these licences and the notices of every other part.</source>
        <translation>rehabjournal est un logiciel libre&#xa0;: vous pouvez le partager et le modifier selon les termes de la GNU General Public License, version 3 ou toute version ultérieure. Il est fourni sans aucune garantie. Il utilise Qt et PySide6 (Copyright The Qt Company Ltd.) sous la GNU Lesser General Public License, version 3. L&apos;onglet Licences contient ces licences et les mentions de toutes les autres parties.</translation>
    </message>
    <message>
        <source>rehabjournal {version} runs with Qt {qt}, PySide6 {pyside} and Python {python}. Its source: {url}</source>
        <translation>rehabjournal {version} fonctionne avec Qt {qt}, PySide6 {pyside} et Python {python}. Son code source&#xa0;: {url}</translation>
    </message>
    <message>
        <source>Licences and notices</source>
        <translation>Licences et mentions</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Texte de la licence</translation>
    </message>
    <message>
        <source>This file is missing from this installation. rehabjournal&apos;s licence and notices are also at {url}</source>
        <translation>Ce fichier manque dans cette installation. La licence et les mentions de rehabjournal se trouvent aussi à l&apos;adresse {url}</translation>
    </message>
    <message>
        <source>rehabjournal: GNU General Public License, version 3 or later</source>
        <translation>rehabjournal&#xa0;: GNU General Public License, version 3 ou ultérieure</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Mentions des composants tiers</translation>
    </message>
    <message>
        <source>Third-party notices: overview</source>
        <translation>Mentions des composants tiers&#xa0;: vue d&apos;ensemble</translation>
    </message>
</context>
<context>
    <name>Activities</name>
    <message>
        <source>run</source>
        <extracomment>``scales.ACTIVITY_KINDS`` as shown.</extracomment>
        <translation>course</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>marche</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>vélo</translation>
    </message>
    <message>
        <source>swim</source>
        <translation>natation</translation>
    </message>
    <message>
        <source>rehab exercises</source>
        <translation>exercices de rééducation</translation>
    </message>
    <message>
        <source>gym</source>
        <translation>salle de sport</translation>
    </message>
    <message>
        <source>sport</source>
        <translation>sport</translation>
    </message>
    <message>
        <source>hike</source>
        <translation>randonnée</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>ActivityFilesTab</name>
    <message>
        <source>Sports in the files and the activities they become</source>
        <translation>Sports des fichiers et activités correspondantes</translation>
    </message>
    <message>
        <source>Each file names its sport; the journal keeps it as one of your activities. Choose another activity for a sport with F2 or a double click. Your changes are shown in bold and kept in the journal.</source>
        <translation>Chaque fichier indique son sport&#xa0;; le journal l&apos;enregistre comme l&apos;une de vos activités. Choisissez une autre activité pour un sport avec F2 ou un double-clic. Vos modifications apparaissent en gras et sont conservées dans le journal.</translation>
    </message>
    <message>
        <source>Sports and activities</source>
        <translation>Sports et activités</translation>
    </message>
    <message>
        <source>Sport in the file</source>
        <translation>Sport dans le fichier</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>e.g. yoga or running/trail</source>
        <translation>par ex. yoga ou running/trail</translation>
    </message>
    <message>
        <source>Add a s&amp;port:</source>
        <translation>Ajouter un s&amp;port&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>&amp;Reset to built-in</source>
        <translation>&amp;Rétablir par défaut</translation>
    </message>
    <message>
        <source>Forget your changes: every sport becomes the activity rehabjournal chooses (saved by OK).</source>
        <translation>Oublier vos modifications&#xa0;: chaque sport redevient l&apos;activité choisie par rehabjournal (enregistré par OK).</translation>
    </message>
    <message>
        <source>Your choice; built in: {kind}</source>
        <translation>Votre choix&#xa0;; par défaut&#xa0;: {kind}</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Heart rate (for the heart-rate load)</source>
        <translation>Fréquence cardiaque (pour la charge cardiaque)</translation>
    </message>
    <message>
        <source>Progress and the report show Banister&apos;s TRIMP from the files&apos; heart rate beside session-RPE load, as another estimate. It needs both heart rates.</source>
        <translation>La page Progression et le rapport montrent le TRIMP de Banister, tiré de la fréquence cardiaque des fichiers, à côté de la charge par RPE de séance, comme autre estimation. Il faut les deux fréquences cardiaques.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non définie</translation>
    </message>
    <message>
        <source>Male (0.64 e^1.92x)</source>
        <translation>Homme (0,64 e^1,92x)</translation>
    </message>
    <message>
        <source>Female (0.86 e^1.67x)</source>
        <translation>Femme (0,86 e^1,67x)</translation>
    </message>
    <message>
        <source>Watched folder (this computer)</source>
        <translation>Dossier surveillé (cet ordinateur)</translation>
    </message>
    <message>
        <source>Where Garmin Express, Gadgetbridge or a sync tool puts new files. New files there are offered for import, never imported without your click.</source>
        <translation>Là où Garmin Express, Gadgetbridge ou un outil de synchronisation dépose les nouveaux fichiers. Ils vous sont proposés à l&apos;import, jamais importés sans votre clic.</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>C&amp;hoisir...</translation>
    </message>
    <message>
        <source>S&amp;top watching</source>
        <translation>&amp;Arrêter la surveillance</translation>
    </message>
    <message>
        <source>No folder is watched.</source>
        <translation>Aucun dossier n&apos;est surveillé.</translation>
    </message>
    <message>
        <source>Watched folder</source>
        <translation>Dossier surveillé</translation>
    </message>
</context>
<context>
    <name>ActivityImport</name>
    <message>
        <source>Activity files and Strava exports (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz *.zip *.FIT *.GPX *.TCX *.ZIP);;All files (*)</source>
        <translation>Fichiers d&apos;activité et exports Strava (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz *.zip *.FIT *.GPX *.TCX *.ZIP);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>not an activity file: rehabjournal reads FIT, GPX and TCX files (also gzipped), Strava export .zip files and folders</source>
        <translation>pas un fichier d&apos;activité&#xa0;: rehabjournal lit les fichiers FIT, GPX et TCX (aussi compressés en gzip), les fichiers .zip d&apos;export Strava et les dossiers</translation>
    </message>
    <message>
        <source>Only FIT, GPX and TCX files, Strava export .zip files and folders can be dropped here.</source>
        <translation>Seuls les fichiers FIT, GPX et TCX, les fichiers .zip d&apos;export Strava et les dossiers peuvent être déposés ici.</translation>
    </message>
    <message>
        <source>The activity files could not be read: {reason}</source>
        <translation>Les fichiers d&apos;activité n&apos;ont pas pu être lus&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Import Activities</source>
        <translation>Importer des activités</translation>
    </message>
    <message>
        <source>Import Activities from Folder</source>
        <translation>Importer des activités d&apos;un dossier</translation>
    </message>
    <message>
        <source>Finish the import that is open first.</source>
        <translation>Terminez d&apos;abord l&apos;import en cours.</translation>
    </message>
    <message>
        <source>Reading activity files...</source>
        <translation>Lecture des fichiers d&apos;activité...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Annulation...</translation>
    </message>
    <message>
        <source>Reading file {done} of {total}...</source>
        <translation>Lecture du fichier {done} sur {total}...</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import annulé&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>Rien n&apos;a été importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>Could not note the files reviewed; the watched folder may offer them again: {reason}</source>
        <translation>Impossible de noter les fichiers examinés&#xa0;; le dossier surveillé pourra les proposer à nouveau&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Imported {sessions}, {merged} merged, {skipped} skipped</source>
        <translation>Importé&#xa0;: {sessions}, fusionnées&#xa0;: {merged}, ignorées&#xa0;: {skipped}</translation>
    </message>
    <message>
        <source>Imported {sessions}, {merged} merged</source>
        <translation>Importé&#xa0;: {sessions}, fusionnées&#xa0;: {merged}</translation>
    </message>
    <message>
        <source>Imported {sessions}, {skipped} skipped</source>
        <translation>Importé&#xa0;: {sessions}, ignorées&#xa0;: {skipped}</translation>
    </message>
    <message>
        <source>Imported {sessions}</source>
        <translation>Importé&#xa0;: {sessions}</translation>
    </message>
    <message>
        <source>{imported}; a backup copy was made first.</source>
        <translation>{imported}&#xa0;; une copie de sauvegarde a été faite avant.</translation>
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
        <translation>Ajouter une zone douloureuse</translation>
    </message>
    <message>
        <source>e.g. below the kneecap</source>
        <translation>par ex. sous la rotule</translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation>&amp;Articulation</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Côté</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Zone</translation>
    </message>
</context>
<context>
    <name>AdherenceModel</name>
    <message>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <source>Exercise days due</source>
        <translation>Jours d&apos;exercice prévus</translation>
    </message>
    <message>
        <source>Exercise days done</source>
        <translation>Jours d&apos;exercice faits</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% fait</translation>
    </message>
</context>
<context>
    <name>AdviceTab</name>
    <message>
        <source>Advice follows the pain-monitoring light of the last 7 days, the pain you logged during each exercise and each exercise&apos;s published schedule. It is information, not medical advice.</source>
        <translation>Les conseils suivent le feu de suivi de la douleur des 7 derniers jours, la douleur que vous avez notée pendant chaque exercice et le programme publié de chaque exercice. C&apos;est une information, pas un avis médical.</translation>
    </message>
    <message>
        <source>&amp;Accept advice</source>
        <translation>A&amp;ccepter le conseil</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>Adherence: the last {n} weeks</source>
        <translation>Observance&#xa0;: les {n} dernières semaines</translation>
    </message>
    <message>
        <source>Progression advice</source>
        <translation>Conseils de progression</translation>
    </message>
    <message>
        <source>No active programme: activate one on the Programmes tab.</source>
        <translation>Aucun programme actif&#xa0;: activez-en un dans l&apos;onglet Programmes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: {total}.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&#xa0;: {total}.</translation>
    </message>
    <message>
        <source>Advice not applied</source>
        <translation>Conseil non appliqué</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Saved {time}</source>
        <extracomment>The longest wait between two looks at the calendar (ms): a timer counts no time while the computer sleeps, so the one set for midnight is also a look every few minutes.</extracomment>
        <translation>Enregistré à {time}</translation>
    </message>
    <message>
        <source>{what} {time}</source>
        <translation>{what} à {time}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Made</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Bilans du matin</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Exercise logs</source>
        <translation>Exercices notés</translation>
    </message>
    <message>
        <source>Outcome measures</source>
        <translation>Questionnaires de résultat</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>strength</source>
        <extracomment>The exercise library&apos;s categories (``services.programme.CATEGORIES``) as shown.</extracomment>
        <translation>force</translation>
    </message>
    <message>
        <source>isometric</source>
        <translation>isométrique</translation>
    </message>
    <message>
        <source>mobility</source>
        <translation>mobilité</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>endurance</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>Image vectorielle SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save chart as {format}</source>
        <translation>Enregistrer le graphique en {format}</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>Graphique non enregistré</translation>
    </message>
    <message>
        <source>Save Chart as {format}...</source>
        <translation>Enregistrer le graphique en {format}...</translation>
    </message>
</context>
<context>
    <name>CheckinSection</name>
    <message>
        <source>poor</source>
        <translation>mauvaise</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>passable</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bonne</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>très bonne</translation>
    </message>
    <message>
        <source>excellent</source>
        <translation>excellente</translation>
    </message>
    <message>
        <source>Morning check-in</source>
        <translation>Bilan du matin</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Douleur matinale</translation>
    </message>
    <message>
        <source>Morning stiffness</source>
        <translation>Raideur matinale</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Swelling</source>
        <translation>Gonflement</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <source>Sleep quality</source>
        <translation>Qualité du sommeil</translation>
    </message>
    <message>
        <source>Morning &amp;pain (0-10)</source>
        <translation>D&amp;ouleur matinale (0-10)</translation>
    </message>
    <message>
        <source>&amp;Stiffness (min)</source>
        <translation>&amp;Raideur (min)</translation>
    </message>
    <message>
        <source>S&amp;welling</source>
        <translation>&amp;Gonflement</translation>
    </message>
    <message>
        <source>S&amp;leep (hours)</source>
        <translation>&amp;Sommeil (heures)</translation>
    </message>
    <message>
        <source>Sleep &amp;quality</source>
        <translation>&amp;Qualité du sommeil</translation>
    </message>
    <message>
        <source>St&amp;ress (0-10)</source>
        <translation>S&amp;tress (0-10)</translation>
    </message>
    <message>
        <source>Morning pain elsewhere:</source>
        <translation>Douleur matinale ailleurs&#xa0;:</translation>
    </message>
    <message>
        <source>Morning pain ({site})</source>
        <translation>Douleur matinale ({site})</translation>
    </message>
</context>
<context>
    <name>DayPage</name>
    <message>
        <source>Previous day (Alt+Left)</source>
        <extracomment>(page attribute, section class), top to bottom. Each class takes the AppContext and has ``set_day(day)`` and ``refresh()``; the page loads them in this order.</extracomment>
        <translation>Jour précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Jour suivant (Alt+Droite)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Aller à la date</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>Go to today (Alt+T here, Alt+Home anywhere)</source>
        <translation>Aller à aujourd&apos;hui (Alt+J ici, Alt+Début partout)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed).</source>
        <translation>Non enregistré pour le {day}&#xa0;: {fields} (l&apos;enregistrement avait échoué).</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed); a new session without minutes.</source>
        <translation>Non enregistré pour le {day}&#xa0;: {fields} (l&apos;enregistrement avait échoué)&#xa0;; une nouvelle séance sans minutes.</translation>
    </message>
    <message>
        <source>Not saved for {day}: {fields} (the save had failed); {n} new sessions without minutes.</source>
        <translation>Non enregistré pour le {day}&#xa0;: {fields} (l&apos;enregistrement avait échoué)&#xa0;; {n} nouvelles séances sans minutes.</translation>
    </message>
    <message>
        <source>Not saved for {day}: a new session without minutes.</source>
        <translation>Non enregistré pour le {day}&#xa0;: une nouvelle séance sans minutes.</translation>
    </message>
    <message>
        <source>Not saved for {day}: {n} new sessions without minutes.</source>
        <translation>Non enregistré pour le {day}&#xa0;: {n} nouvelles séances sans minutes.</translation>
    </message>
    <message>
        <source>A new day: Today now shows {day}.</source>
        <translation>Un nouveau jour&#xa0;: Aujourd&apos;hui affiche maintenant le {day}.</translation>
    </message>
    <message>
        <source>{text} is not a date: use YYYY-MM-DD with a real day, e.g. {example}.</source>
        <translation>{text} n&apos;est pas une date&#xa0;: utilisez AAAA-MM-JJ avec un jour qui existe, par ex. {example}.</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>Aujourd&apos;hui, {day}</translation>
    </message>
</context>
<context>
    <name>DocsWindow</name>
    <message>
        <source>User Guide</source>
        <extracomment>The doc Help &gt; User Guide opens first.</extracomment>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>The previous document (Alt+Left)</source>
        <translation>Document précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>The next document (Alt+Right)</source>
        <translation>Document suivant (Alt+Droite)</translation>
    </message>
    <message>
        <source>The user guide is written in English.</source>
        <translation>Le guide de l&apos;utilisateur est rédigé en anglais.</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation. It is also at https://github.com/rehabjournal/rehabjournal (the docs folder).</source>
        <translation>Le guide de l&apos;utilisateur manque dans cette installation. Il se trouve aussi sur https://github.com/rehabjournal/rehabjournal (dossier docs).</translation>
    </message>
    <message>
        <source>Not found: {link}</source>
        <translation>Introuvable&#xa0;: {link}</translation>
    </message>
    <message>
        <source>No program on this computer opens {link}</source>
        <translation>Aucun programme de cet ordinateur n&apos;ouvre {link}</translation>
    </message>
    <message>
        <source>{title} - User Guide</source>
        <translation>{title} - Guide de l&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>DueRow</name>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Fait en partie</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sauté</translation>
    </message>
    <message>
        <source>Sets done</source>
        <translation>Séries faites</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>séries</translation>
    </message>
    <message>
        <source>Reps done</source>
        <translation>Répétitions faites</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>rép.</translation>
    </message>
    <message>
        <source>Run part</source>
        <translation>Partie course</translation>
    </message>
    <message>
        <source>Hold done</source>
        <translation>Maintien fait</translation>
    </message>
    <message>
        <source>run s</source>
        <translation>course s</translation>
    </message>
    <message>
        <source>hold s</source>
        <translation>maintien s</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Load done</source>
        <translation>Charge faite</translation>
    </message>
    <message>
        <source>Pain during</source>
        <translation>Douleur pendant</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>En partie</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Save as done with the numbers on the left</source>
        <translation>Enregistrer comme fait avec les nombres à gauche</translation>
    </message>
    <message>
        <source>Save as partly done</source>
        <translation>Enregistrer comme fait en partie</translation>
    </message>
    <message>
        <source>Record that it was skipped today</source>
        <translation>Noter que l&apos;exercice a été sauté aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Remove today&apos;s answer</source>
        <translation>Retirer la réponse d&apos;aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Conditioning is a session of its own: add it under Sessions with its minutes and effort, so its load counts once.</source>
        <translation>L&apos;endurance est une séance à part&#xa0;: ajoutez-la sous Séances avec ses minutes et son effort, pour que sa charge compte une seule fois.</translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation>pas encore fait</translation>
    </message>
</context>
<context>
    <name>EventsSection</name>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Event kind</source>
        <translation>Type d&apos;événement</translation>
    </message>
    <message>
        <source>label (needed for &apos;Other event&apos;)</source>
        <translation>libellé (obligatoire pour «&#xa0;Autre événement&#xa0;»)</translation>
    </message>
    <message>
        <source>A&amp;dd event</source>
        <translation>Ajouter un é&amp;vénement</translation>
    </message>
    <message>
        <source>{kind}: {label}</source>
        <translation>{kind}&#xa0;: {label}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>ExerciseAdherenceModel</name>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Days done</source>
        <translation>Jours faits</translation>
    </message>
    <message>
        <source>% done</source>
        <translation>% fait</translation>
    </message>
    <message>
        <source>Of them partial</source>
        <translation>Dont partiels</translation>
    </message>
    <message>
        <source>Of them on another day</source>
        <translation>Dont un autre jour</translation>
    </message>
    <message>
        <source>{done} of {due}</source>
        <translation>{done} sur {due}</translation>
    </message>
    <message>
        <source>{name}: {share} done of the days it was due. A day counts when it was logged done or partial, on the day or on another day of the same week (Monday to Sunday).</source>
        <translation>{name}&#xa0;: {share} faits sur les jours où il était prévu. Un jour compte s&apos;il a été noté fait ou partiel, le jour même ou un autre jour de la même semaine (du lundi au dimanche).</translation>
    </message>
</context>
<context>
    <name>ExerciseCard</name>
    <message>
        <source>Open picture/video</source>
        <translation>Ouvrir l&apos;image/la vidéo</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>Comment faire</translation>
    </message>
    <message>
        <source>Show or hide the instructions, what to watch and the pain rule (Space)</source>
        <translation>Afficher ou masquer les instructions, les consignes et la règle de douleur (Espace)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <source>Opens {file}</source>
        <translation>Ouvre {file}</translation>
    </message>
    <message>
        <source>{button}: {exercise}</source>
        <translation>{button}&#xa0;: {exercise}</translation>
    </message>
    <message>
        <source>a web link: opens in your browser</source>
        <translation>un lien web&#xa0;: s&apos;ouvre dans votre navigateur</translation>
    </message>
    <message>
        <source>How to do it: {exercise}</source>
        <translation>Comment faire&#xa0;: {exercise}</translation>
    </message>
</context>
<context>
    <name>ExerciseLibraryModel</name>
    <message>
        <source>strength</source>
        <extracomment>The library&apos;s category, region and unit keys as the Library&apos;s table shows them (the journal keeps the keys; ``kg`` is a unit symbol, the same in every language).</extracomment>
        <translation>force</translation>
    </message>
    <message>
        <source>isometric</source>
        <translation>isométrique</translation>
    </message>
    <message>
        <source>mobility</source>
        <translation>mobilité</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>endurance</translation>
    </message>
    <message>
        <source>knee</source>
        <translation>genou</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>hanche</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>cheville</translation>
    </message>
    <message>
        <source>whole leg</source>
        <translation>jambe entière</translation>
    </message>
    <message>
        <source>core</source>
        <translation>tronc</translation>
    </message>
    <message>
        <source>band</source>
        <translation>élastique</translation>
    </message>
    <message>
        <source>bodyweight</source>
        <translation>poids du corps</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>{name}  (archived)</source>
        <translation>{name}  (archivé)</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>fourni</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>own</source>
        <translation>personnel</translation>
    </message>
</context>
<context>
    <name>ExerciseSides</name>
    <message>
        <source>both</source>
        <extracomment>An exercise&apos;s side (``domain.progression.SIDES``) as a choice in a form.</extracomment>
        <translation>les deux côtés</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>chaque côté</translation>
    </message>
    <message>
        <source>affected side</source>
        <translation>côté atteint</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
</context>
<context>
    <name>ExercisesDueSection</name>
    <message>
        <source>Exercises due</source>
        <translation>Exercices du jour</translation>
    </message>
    <message>
        <source>Effort of the exercises (CR-10)</source>
        <translation>Effort des exercices (CR-10)</translation>
    </message>
    <message>
        <source>Effort of the e&amp;xercises (CR-10)</source>
        <translation>Effort des e&amp;xercices (CR-10)</translation>
    </message>
    <message>
        <source>Exercises marked done or partly done make today&apos;s rehab session; its load counts like any session&apos;s.</source>
        <translation>Les exercices marqués faits ou faits en partie forment la séance de rééducation du jour&#xa0;; sa charge compte comme celle de toute séance.</translation>
    </message>
    <message>
        <source>Counted in your rehab exercises session ({minutes} min, typed by you): no second session is made.</source>
        <translation>Compté dans votre séance d&apos;exercices de rééducation ({minutes} min, saisie par vous)&#xa0;: aucune seconde séance n&apos;est créée.</translation>
    </message>
    <message>
        <source>{phase} (deload): {done} of {total} done</source>
        <translation>{phase} (allègement)&#xa0;: {done} sur {total} faits</translation>
    </message>
    <message>
        <source>{phase}: {done} of {total} done</source>
        <translation>{phase}&#xa0;: {done} sur {total} faits</translation>
    </message>
    <message>
        <source>Your programme “{name}” has no start date yet, so no exercises are due: set it on the Programme page.</source>
        <translation>Votre programme «&#xa0;{name}&#xa0;» n&apos;a pas encore de date de début, donc aucun exercice n&apos;est prévu&#xa0;: indiquez-la sur la page Programme.</translation>
    </message>
</context>
<context>
    <name>FileMessage</name>
    <message>
        <source>Import and export message</source>
        <translation>Message d&apos;importation et d&apos;exportation</translation>
    </message>
</context>
<context>
    <name>FolderWatcher</name>
    <message>
        <source>The watched folder {folder} cannot be read (no permission). New activity files there are not offered until it can be read.</source>
        <translation>Le dossier surveillé {folder} ne peut pas être lu (pas d&apos;autorisation). Ses nouveaux fichiers d&apos;activité ne seront proposés que lorsqu&apos;il sera lisible.</translation>
    </message>
    <message>
        <source>The watched folder {folder} is not there any more (moved, deleted or a drive not connected). It is watched again as soon as it is back; choose another in Preferences &gt; Activity files.</source>
        <translation>Le dossier surveillé {folder} n&apos;est plus là (déplacé, supprimé ou disque non connecté). Il sera de nouveau surveillé dès son retour&#xa0;; choisissez-en un autre dans Préférences &gt; Fichiers d&apos;activité.</translation>
    </message>
    <message>
        <source>The watched folder {folder} could not be read: {reason}</source>
        <translation>Le dossier surveillé {folder} n&apos;a pas pu être lu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not note the files as declined: {reason}</source>
        <translation>Impossible de noter les fichiers comme refusés&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Joints</name>
    <message>
        <source>knee</source>
        <extracomment>``scales.JOINTS`` as shown.</extracomment>
        <translation>genou</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>hanche</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>cheville</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>pied</translation>
    </message>
    <message>
        <source>lower leg</source>
        <translation>jambe</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>cuisse</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>bas du dos</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Feu</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Douleur matinale</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Load (AU)</source>
        <translation>Charge (UA)</translation>
    </message>
    <message>
        <source>Peak pain</source>
        <translation>Douleur maximale</translation>
    </message>
    <message>
        <source>Next morning</source>
        <translation>Lendemain matin</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Drapeaux rouges</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>The next day&apos;s morning pain at the site of this day&apos;s sessions (the worst if they were at several): the same number as that day&apos;s Morning pain, never a second rating.</source>
        <extracomment>Header tooltips: what a column&apos;s number is.</extracomment>
        <translation>La douleur matinale du lendemain à l&apos;endroit des séances de ce jour (la pire s&apos;il y en avait à plusieurs endroits)&#xa0;: le même nombre que la Douleur matinale de ce jour-là, jamais une seconde évaluation.</translation>
    </message>
    <message>
        <source>green</source>
        <extracomment>The Light column&apos;s word for each ``domain.light`` status.</extracomment>
        <translation>vert</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rouge</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>{symbol} red flag</source>
        <translation>{symbol} drapeau rouge</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>du AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>au AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>a date, YYYY-MM-DD; empty for no limit</source>
        <translation>une date, AAAA-MM-JJ&#xa0;; vide pour aucune limite</translation>
    </message>
    <message>
        <source>Activity filter</source>
        <translation>Filtre d&apos;activité</translation>
    </message>
    <message>
        <source>Red flags only</source>
        <translation>Drapeaux rouges seulement</translation>
    </message>
    <message>
        <source>Search notes...</source>
        <translation>Rechercher dans les notes...</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Calendar of lights</source>
        <translation>Calendrier des feux</translation>
    </message>
    <message>
        <source>Enter opens the day; each day&apos;s light is in its tooltip and in the list of days</source>
        <translation>Entrée ouvre le jour&#xa0;; le feu de chaque jour est dans son info-bulle et dans la liste des jours</translation>
    </message>
    <message>
        <source>Double-click a day to open it.</source>
        <translation>Double-cliquez sur un jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Enter opens the day, Delete removes it</source>
        <translation>Entrée ouvre le jour, Suppr le supprime</translation>
    </message>
    <message>
        <source>&amp;Open day</source>
        <translation>&amp;Ouvrir le jour</translation>
    </message>
    <message>
        <source>&amp;Delete day</source>
        <translation>&amp;Supprimer le jour</translation>
    </message>
    <message>
        <source>Delete everything of the selected day (Del); Edit &gt; Undo brings it back</source>
        <translation>Supprimer tout le contenu du jour sélectionné (Suppr)&#xa0;; Édition &gt; Annuler le rétablit</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>From {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>Du&#xa0;: {text} n&apos;est pas une date&#xa0;: utilisez AAAA-MM-JJ, par ex. 2026-03-01.</translation>
    </message>
    <message>
        <source>To {text} is not a date: use YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>Au&#xa0;: {text} n&apos;est pas une date&#xa0;: utilisez AAAA-MM-JJ, par ex. 2026-03-01.</translation>
    </message>
    <message>
        <source>The period ends before it starts: swap the dates.</source>
        <translation>La période se termine avant de commencer&#xa0;: inversez les dates.</translation>
    </message>
    <message>
        <source>{light}: {reason}</source>
        <translation>{light}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{day} is outside the dates the journal accepts ({earliest} to {latest}), so it cannot be opened; select it and delete it (Edit &gt; Undo brings it back).</source>
        <translation>{day} est en dehors des dates que le journal accepte ({earliest} à {latest}), il ne peut donc pas être ouvert&#xa0;; sélectionnez-le et supprimez-le (Édition &gt; Annuler le rétablit).</translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <source>More reps, up to 15.</source>
        <translation>Plus de répétitions, jusqu&apos;à 15.</translation>
    </message>
    <message>
        <source>About 10 % more load.</source>
        <translation>Environ 10&#xa0;% de charge en plus.</translation>
    </message>
    <message>
        <source>New exercise</source>
        <translation>Nouvel exercice</translation>
    </message>
    <message>
        <source>{rm}RM week {week}</source>
        <translation>{rm}RM semaine {week}</translation>
    </message>
    <message>
        <source>{rm}RM weeks {first}-{last}</source>
        <translation>{rm}RM semaines {first}-{last}</translation>
    </message>
    <message>
        <source>Rep-max by programme week: {stages}.</source>
        <translation>Répétition maximale par semaine de programme&#xa0;: {stages}.</translation>
    </message>
    <message>
        <source>A new rep-max converts the load (Epley&apos;s formula); within a stage a green week adds {step} kg.</source>
        <translation>Un nouveau maximum convertit la charge (formule d&apos;Epley)&#xa0;; dans une étape, une semaine verte ajoute {step} kg.</translation>
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
        <translation>charge</translation>
    </message>
    <message>
        <source>Keeps {reps} reps; then the steps below, one at a time.</source>
        <translation>Reste à {reps} répétitions&#xa0;; puis les étapes ci-dessous, une à la fois.</translation>
    </message>
    <message>
        <source>Reps {low}-{high}: {step} more a green week up to {high}, then {load} more and back to {low} (where the load can be counted).</source>
        <translation>Répétitions {low}-{high}&#xa0;: {step} de plus par semaine verte jusqu&apos;à {high}, puis {load} de plus et retour à {low} (là où la charge peut être comptée).</translation>
    </message>
    <message>
        <source>Adds {step} a green week, up to {max}.</source>
        <translation>Ajoute {step} par semaine verte, jusqu&apos;à {max}.</translation>
    </message>
    <message>
        <source>In order, one step a green week: {steps}.</source>
        <translation>Dans l&apos;ordre, une étape par semaine verte&#xa0;: {steps}.</translation>
    </message>
    <message>
        <source>Holds lengthen from {low} s to {high} s (5 s a green week); red weeks keep the dose.</source>
        <translation>Les maintiens passent de {low} s à {high} s (5 s par semaine verte)&#xa0;; les semaines rouges gardent la dose.</translation>
    </message>
    <message>
        <source>Minutes +{percent} % a green week, up to {max} minutes.</source>
        <translation>Minutes +{percent}&#xa0;% par semaine verte, jusqu&apos;à {max} minutes.</translation>
    </message>
    <message>
        <source>Minutes +{percent} % a green week.</source>
        <translation>Minutes +{percent}&#xa0;% par semaine verte.</translation>
    </message>
    <message>
        <source>Run parts grow by {step} s from {low} to {high} s first, then the total minutes +{percent} % a week.</source>
        <translation>Les parties de course augmentent d&apos;abord de {step} s, de {low} à {high} s, puis le total des minutes de +{percent}&#xa0;% par semaine.</translation>
    </message>
    <message>
        <source>Keeps its dose (stretches and mobility are not progressed).</source>
        <translation>Garde sa dose (étirements et mobilité ne progressent pas).</translation>
    </message>
    <message>
        <source>Then: {step}</source>
        <translation>Ensuite&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Search exercises (name, instructions, cues)</source>
        <translation>Rechercher des exercices (nom, instructions, consignes)</translation>
    </message>
    <message>
        <source>Search exercises</source>
        <translation>Rechercher des exercices</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtre de catégorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Region filter</source>
        <translation>Filtre de région</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Afficher les archivés</translation>
    </message>
    <message>
        <source>&amp;New exercise</source>
        <translation>&amp;Nouvel exercice</translation>
    </message>
    <message>
        <source>&amp;Copy to edit</source>
        <translation>&amp;Copier pour modifier</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>Comment le faire</translation>
    </message>
    <message>
        <source>How it progresses</source>
        <translation>Comment il progresse</translation>
    </message>
    <message>
        <source>Edit your exercise</source>
        <translation>Modifier votre exercice</translation>
    </message>
    <message>
        <source>Exercise name</source>
        <translation>Nom de l&apos;exercice</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Maintien</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Days per week</source>
        <translation>Jours par semaine</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Fois par jour</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Maintien (s)</translation>
    </message>
    <message>
        <source>Days a week</source>
        <translation>Jours par semaine</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up</source>
        <translation>par ex. 3 s en descente, 3 s en montée</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Pain rule</source>
        <translation>Règle de douleur</translation>
    </message>
    <message>
        <source>Picture or video</source>
        <translation>Image ou vidéo</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Cues, one per line</source>
        <translation>Consignes, une par ligne</translation>
    </message>
    <message>
        <source>&amp;Save exercise</source>
        <translation>En&amp;registrer l&apos;exercice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Default dose</source>
        <translation>Dose par défaut</translation>
    </message>
    <message>
        <source>Rest (s)</source>
        <translation>Repos (s)</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>Choose an exercise, or add your own.</source>
        <translation>Choisissez un exercice, ou ajoutez le vôtre.</translation>
    </message>
    <message>
        <source>Shipped with rehabjournal. Use &lt;i&gt;Copy to edit&lt;/i&gt; to make your own version.</source>
        <translation>Fourni avec rehabjournal. Utilisez &lt;i&gt;Copier pour modifier&lt;/i&gt; pour créer votre propre version.</translation>
    </message>
    <message>
        <source>Your copy of {name}.</source>
        <translation>Votre copie de {name}.</translation>
    </message>
    <message>
        <source>Your copy of a shipped exercise.</source>
        <translation>Votre copie d&apos;un exercice fourni.</translation>
    </message>
    <message>
        <source>Your own exercise.</source>
        <translation>Votre propre exercice.</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Dés&amp;archiver</translation>
    </message>
    <message>
        <source>no progression given</source>
        <translation>aucune progression indiquée</translation>
    </message>
</context>
<context>
    <name>LightBadge</name>
    <message>
        <source>light: green</source>
        <translation>feu&#xa0;: vert</translation>
    </message>
    <message>
        <source>light: amber</source>
        <translation>feu&#xa0;: orange</translation>
    </message>
    <message>
        <source>light: red</source>
        <translation>feu&#xa0;: rouge</translation>
    </message>
    <message>
        <source>light: no data</source>
        <translation>feu&#xa0;: pas de données</translation>
    </message>
</context>
<context>
    <name>LightSection</name>
    <message>
        <source>Pain-monitoring light</source>
        <translation>Feu de suivi de la douleur</translation>
    </message>
    <message>
        <source>light: {state}</source>
        <translation>feu&#xa0;: {state}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No light yet.&lt;/b&gt; Rate your pain to get one.</source>
        <translation>&lt;b&gt;Pas encore de feu.&lt;/b&gt; Évaluez votre douleur pour en obtenir un.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{heading}:&lt;/b&gt; {advice}</source>
        <translation>&lt;b&gt;{heading}&#xa0;:&lt;/b&gt; {advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag yesterday:{items}{advice}</source>
        <translation>{heading} Vous avez noté un drapeau rouge hier&#xa0;:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag the day before:{items}{advice}</source>
        <translation>{heading} Vous avez noté un drapeau rouge la veille&#xa0;:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag today:{items}{advice}</source>
        <translation>{heading} Vous avez noté un drapeau rouge aujourd&apos;hui&#xa0;:{items}{advice}</translation>
    </message>
    <message>
        <source>{heading} You recorded a red flag on this day:{items}{advice}</source>
        <translation>{heading} Vous avez noté un drapeau rouge ce jour-là&#xa0;:{items}{advice}</translation>
    </message>
</context>
<context>
    <name>LoadTab</name>
    <message>
        <source>A week cut by the period is marked: “completed” counts its days outside the period from the journal; “partial” has only the days so far, so no change, monotony or strain.</source>
        <translation>Une semaine coupée par la période est marquée&#xa0;: «&#xa0;complétée&#xa0;» compte ses jours hors de la période d&apos;après le journal&#xa0;; «&#xa0;partielle&#xa0;» n&apos;a que les jours écoulés, donc ni variation, ni monotonie, ni contrainte.</translation>
    </message>
    <message>
        <source>Weekly load, change, monotony and strain</source>
        <translation>Charge hebdomadaire, variation, monotonie et contrainte</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Create your journal first (the form on this page); then activity files can be imported.</source>
        <extracomment>The window&apos;s first size when the screen has room for it. 1180x780 used to be the size whatever the screen: 780 px is taller than a 768-px laptop screen. Room kept for the window manager&apos;s title bar and borders, which are not part of the geometry set before the window is shown. The smallest window (the pages reflow down to it), smaller still on a screen with less room (1024x600 with a panel). Qt.ItemDataRole.UserRole: the frame is built without importing the ``Qt`` namespace, which costs about 15 ms at start-up (see run_gui); pages import it when they are built.</extracomment>
        <translation>Créez d&apos;abord votre journal (le formulaire de cette page)&#xa0;; vous pourrez ensuite importer des fichiers d&apos;activité.</translation>
    </message>
    <message>
        <source>rehabjournal gives information, not medical advice. It does not diagnose or treat. If a red flag appears, or you are unsure, see a clinician.</source>
        <translation>rehabjournal donne des informations, pas un avis médical. Il ne pose pas de diagnostic et ne traite pas. Si un drapeau rouge apparaît, ou en cas de doute, consultez un clinicien.</translation>
    </message>
    <message>
        <source>rehabjournal - demo journal (not your own)</source>
        <translation>rehabjournal - journal de démonstration (pas le vôtre)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Échec de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Opening your journal...</source>
        <translation>Ouverture de votre journal...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Import CSV...</source>
        <translation>&amp;Importer un CSV...</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>E&amp;xporter un CSV...</translation>
    </message>
    <message>
        <source>&amp;Back Up Now...</source>
        <translation>&amp;Sauvegarder maintenant...</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup...</source>
        <translation>&amp;Restaurer une sauvegarde...</translation>
    </message>
    <message>
        <source>Export &amp;Everything...</source>
        <translation>Exporter &amp;tout...</translation>
    </message>
    <message>
        <source>Import E&amp;verything...</source>
        <translation>I&amp;mporter tout...</translation>
    </message>
    <message>
        <source>Export for Clinician (&amp;FHIR)...</source>
        <translation>Exporter pour le clinicien (&amp;FHIR)...</translation>
    </message>
    <message>
        <source>Import A&amp;ctivities...</source>
        <translation>Importer des a&amp;ctivités...</translation>
    </message>
    <message>
        <source>Import Activities from Fo&amp;lder...</source>
        <translation>Importer des activités d&apos;un d&amp;ossier...</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>Ouvrir le &amp;dossier des données</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Annuler&#xa0;: {change}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Préférences...</translation>
    </message>
    <message>
        <source>&amp;Outcome Measures...</source>
        <translation>&amp;Questionnaires de résultat...</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;CSV Format</source>
        <translation>Format &amp;CSV</translation>
    </message>
    <message>
        <source>&amp;About rehabjournal</source>
        <translation>À &amp;propos de rehabjournal</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Appearance: {mode}</source>
        <translation>Apparence&#xa0;: {mode}</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>Jour &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>Jour &amp;suivant</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Aller à au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Rétablir&#xa0;: {change}</translation>
    </message>
    <message>
        <source>A private journal for exercise-related joint pain: how the joint answers to load, the next morning especially.</source>
        <translation>Un journal privé pour les douleurs articulaires liées à l&apos;exercice&#xa0;: comment l&apos;articulation répond à la charge, surtout le lendemain matin.</translation>
    </message>
    <message>
        <source>Information, not medical advice.</source>
        <translation>Information, pas un avis médical.</translation>
    </message>
    <message>
        <source>Your journal is stored only on this computer; rehabjournal never opens a network connection.</source>
        <translation>Votre journal est enregistré uniquement sur cet ordinateur&#xa0;; rehabjournal n&apos;ouvre jamais de connexion réseau.</translation>
    </message>
    <message>
        <source>Journal: {folder}</source>
        <translation>Journal&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>Sources: pain-monitoring model (Silbernagel et al. 2007); session RPE load (Foster et al. 2001); EWMA load (Williams et al. 2017); clinically important pain change (Farrar et al. 2001).</source>
        <translation>Sources&#xa0;: modèle de suivi de la douleur (Silbernagel et al. 2007)&#xa0;; charge par RPE de séance (Foster et al. 2001)&#xa0;; charge EWMA (Williams et al. 2017)&#xa0;; changement de douleur cliniquement important (Farrar et al. 2001).</translation>
    </message>
</context>
<context>
    <name>MediaField</name>
    <message>
        <source>Picture or video</source>
        <translation>Image ou vidéo</translation>
    </message>
    <message>
        <source>https:// link, or a file on this computer</source>
        <translation>lien https://, ou un fichier sur cet ordinateur</translation>
    </message>
    <message>
        <source>Choose file...</source>
        <translation>Choisir un fichier...</translation>
    </message>
    <message>
        <source>Choose a picture or video</source>
        <translation>Choisir une image ou une vidéo</translation>
    </message>
    <message>
        <source>Pictures, videos and PDF ({patterns});;All files (*)</source>
        <translation>Images, vidéos et PDF ({patterns});;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>NextMorningSection</name>
    <message>
        <source>waiting for your rating</source>
        <translation>en attente de votre évaluation</translation>
    </message>
    <message>
        <source>rated</source>
        <translation>évalué</translation>
    </message>
    <message>
        <source>This morning</source>
        <translation>Ce matin</translation>
    </message>
    <message>
        <source>How is the {site} this morning after yesterday&apos;s {activities}?</source>
        <translation>Comment va votre {site} ce matin après les activités d&apos;hier&#xa0;: {activities}&#xa0;?</translation>
    </message>
    <message>
        <source>How is the {site} this morning after {day}&apos;s {activities}?</source>
        <translation>Comment va votre {site} ce matin après les activités du {day}&#xa0;: {activities}&#xa0;?</translation>
    </message>
    <message>
        <source>Morning pain</source>
        <translation>Douleur matinale</translation>
    </message>
    <message>
        <source>Morning pain ({site})</source>
        <translation>Douleur matinale ({site})</translation>
    </message>
    <message>
        <source>This morning: {field}</source>
        <translation>Ce matin&#xa0;: {field}</translation>
    </message>
    <message>
        <source>This is this morning&apos;s pain at that site: the same number as Morning pain in the check-in.</source>
        <translation>C&apos;est la douleur de ce matin à cet endroit&#xa0;: le même nombre que Douleur matinale dans le bilan du matin.</translation>
    </message>
    <message>
        <source>This is this morning&apos;s pain at that site: the same number as the check-in&apos;s morning pain of the {site}.</source>
        <translation>C&apos;est la douleur de ce matin à cet endroit&#xa0;: le même nombre que la douleur matinale de la zone «&#xa0;{site}&#xa0;» dans le bilan du matin.</translation>
    </message>
    <message>
        <source>This &amp;morning (0-10)</source>
        <translation>Ce &amp;matin (0-10)</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Anything worth remembering: what felt different, what you did... Questions for your physio go in the list below (Ctrl+J).</source>
        <translation>Tout ce qui mérite d&apos;être retenu&#xa0;: ce qui était différent, ce que vous avez fait... Les questions pour votre kinésithérapeute vont dans la liste plus bas (Ctrl+J).</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>{label}: {range}; Up/Down to change, empty for not rated</source>
        <translation>{label}&#xa0;: {range}&#xa0;; Haut/Bas pour modifier, vide si non évalué</translation>
    </message>
    <message>
        <source>{low} to {high} {unit}</source>
        <translation>{low} à {high} {unit}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} à {high}</translation>
    </message>
    <message>
        <source>Not saved yet: press Enter here to try again.</source>
        <translation>Pas encore enregistré&#xa0;: appuyez sur Entrée ici pour réessayer.</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <source>Review...</source>
        <translation>Examiner...</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Don&apos;t offer these</source>
        <translation>Ne plus les proposer</translation>
    </message>
    <message>
        <source>These files will not be offered again; you can still import them with File &gt; Import Activities.</source>
        <translation>Ces fichiers ne seront plus proposés&#xa0;; vous pouvez toujours les importer avec Fichier &gt; Importer des activités.</translation>
    </message>
    <message>
        <source>New activity files</source>
        <translation>Nouveaux fichiers d&apos;activité</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>not set</source>
        <translation>non définie</translation>
    </message>
    <message>
        <source>Type a date (yyyy-mm-dd) or pick one (Alt+Down); Delete clears it</source>
        <translation>Saisissez une date (aaaa-mm-jj) ou choisissez-en une (Alt+Bas)&#xa0;; Suppr l&apos;efface</translation>
    </message>
</context>
<context>
    <name>OutcomeSettingsDialog</name>
    <message>
        <source>Outcome measures</source>
        <translation>Questionnaires de résultat</translation>
    </message>
    <message>
        <source>Questionnaires show how your knee is doing over weeks. Today shows a reminder when one is due.</source>
        <translation>Les questionnaires montrent l&apos;évolution de votre genou au fil des semaines. Aujourd&apos;hui affiche un rappel quand l&apos;un d&apos;eux est à remplir.</translation>
    </message>
    <message>
        <source>(English original)</source>
        <translation>(original anglais)</translation>
    </message>
    <message>
        <source>VISA-P, Kujala and TSK-11 are not offered: their exact published wording could not be verified. See Help › About for sources and licences.</source>
        <translation>VISA-P, Kujala et TSK-11 ne sont pas proposés&#xa0;: leur formulation publiée exacte n&apos;a pas pu être vérifiée. Voir Aide › À propos pour les sources et les licences.</translation>
    </message>
</context>
<context>
    <name>OutcomesDueSection</name>
    <message>
        <source>{name} is due — fill it in now</source>
        <translation>{name} est à remplir — remplissez-le maintenant</translation>
    </message>
    <message>
        <source>Fill in {name}…</source>
        <translation>Remplir {name}…</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Report preview</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message>
        <source>Choose the period and options, then press &lt;b&gt;Make report&lt;/b&gt;.&lt;br&gt;The pages appear here exactly as they will be saved or printed.</source>
        <translation>Choisissez la période et les options, puis appuyez sur &lt;b&gt;Créer le rapport&lt;/b&gt;.&lt;br&gt;Les pages apparaissent ici exactement comme elles seront enregistrées ou imprimées.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>PainRules</name>
    <message>
        <source>standard</source>
        <extracomment>The pain rules (``domain.progression.PAIN_RULES``): their name, and in a form&apos;s words.</extracomment>
        <translation>standard</translation>
    </message>
    <message>
        <source>tendon</source>
        <translation>tendon</translation>
    </message>
    <message>
        <source>standard (little pain during)</source>
        <translation>standard (peu de douleur pendant)</translation>
    </message>
    <message>
        <source>tendon loading (more, if settled by the next morning)</source>
        <translation>mise en charge du tendon (plus, si calmée le lendemain matin)</translation>
    </message>
</context>
<context>
    <name>PatternModel</name>
    <message>
        <source>What often came before a flare</source>
        <translation>Ce qui a souvent précédé une poussée</translation>
    </message>
    <message>
        <source>After days with it</source>
        <translation>Après les jours avec</translation>
    </message>
    <message>
        <source>After other days</source>
        <translation>Après les autres jours</translation>
    </message>
    <message>
        <source>Risk ratio (95 % CI)</source>
        <translation>Risque relatif (IC à 95&#xa0;%)</translation>
    </message>
    <message>
        <source>{part} of {total} ({percent})</source>
        <translation>{part} sur {total} ({percent})</translation>
    </message>
    <message>
        <source>{ratio} ({low} to {high})</source>
        <translation>{ratio} ({low} à {high})</translation>
    </message>
</context>
<context>
    <name>PatternsTab</name>
    <message>
        <source>Not tested ({n}): too few days or flares to compare</source>
        <translation>Non testés ({n})&#xa0;: trop peu de jours ou de poussées pour comparer</translation>
    </message>
</context>
<context>
    <name>PhaseForm</name>
    <message>
        <source>Phase name</source>
        <translation>Nom de la phase</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semaines</translation>
    </message>
    <message>
        <source>Deload phase (lighter on purpose)</source>
        <translation>Phase d&apos;allègement (plus légère volontairement)</translation>
    </message>
    <message>
        <source>Carry progress from the previous phase</source>
        <translation>Reprendre la progression de la phase précédente</translation>
    </message>
    <message>
        <source>When accepted advice raises a dose in an earlier phase, the same exercise in this phase is raised to match if it was planned lower. Untick it when this phase&apos;s doses are set on purpose (a deload, a new kind of loading).</source>
        <translation>Quand un conseil accepté augmente une dose dans une phase précédente, le même exercice de cette phase est augmenté d&apos;autant s&apos;il était prévu plus bas. Décochez-le quand les doses de cette phase sont fixées volontairement (un allègement, un nouveau type de charge).</translation>
    </message>
    <message>
        <source>Phase goal</source>
        <translation>Objectif de la phase</translation>
    </message>
    <message>
        <source>What this phase is for</source>
        <translation>À quoi sert cette phase</translation>
    </message>
    <message>
        <source>Criteria to move on</source>
        <translation>Critères de passage</translation>
    </message>
    <message>
        <source>What to reach before the next phase, e.g. 20 single-leg squats with pain up to 2/10</source>
        <translation>Ce qu&apos;il faut atteindre avant la phase suivante, par ex. 20 squats sur une jambe avec une douleur jusqu&apos;à 2/10</translation>
    </message>
    <message>
        <source>Save goal and criteria</source>
        <translation>Enregistrer l&apos;objectif et les critères</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation>Se&amp;maines</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Objectif</translation>
    </message>
    <message>
        <source>&amp;Criteria</source>
        <translation>C&amp;ritères</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>This desktop shows no tray icons, so rehabjournal cannot show reminders or start in the tray here.</source>
        <translation>Ce bureau n&apos;affiche pas d&apos;icônes dans la zone de notification&#xa0;: rehabjournal ne peut donc pas afficher de rappels ni démarrer dans la zone de notification ici.</translation>
    </message>
    <message>
        <source>No events of your own yet. Add one on Today under Events (“Other event”, with a short label) to have it tested here.</source>
        <translation>Aucun événement personnel pour l&apos;instant. Ajoutez-en un dans Aujourd&apos;hui sous Événements («&#xa0;Autre événement&#xa0;», avec un court libellé) pour qu&apos;il soit testé ici.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Pain-monitoring light</source>
        <translation>Feu de suivi de la douleur</translation>
    </message>
    <message>
        <source>These thresholds are design choices, not validated rules. Change them with your clinician.</source>
        <translation>Ces seuils sont des choix de conception, pas des règles validées. Modifiez-les avec votre clinicien.</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Activity files</source>
        <translation>&amp;Fichiers d&apos;activité</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Système ({language})</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Applies when rehabjournal starts again: close it and open it to see it in {language}.</source>
        <translation>S&apos;applique au prochain démarrage de rehabjournal&#xa0;: fermez-le et rouvrez-le pour le voir en {language}.</translation>
    </message>
    <message>
        <source>Pattern finder (Progress › Patterns, and the report)</source>
        <translation>Recherche des schémas (Progression › Schémas, et le rapport)</translation>
    </message>
    <message>
        <source>What often came before your flares, 1 to 3 days before. These are design choices too.</source>
        <translation>Ce qui a souvent précédé vos poussées, 1 à 3 jours avant. Ce sont aussi des choix de conception.</translation>
    </message>
    <message>
        <source>Reminders and start-up (this computer)</source>
        <translation>Rappels et démarrage (cet ordinateur)</translation>
    </message>
    <message>
        <source>Show an &amp;icon in the tray</source>
        <translation>Afficher une &amp;icône dans la zone de notification</translation>
    </message>
    <message>
        <source>&amp;Morning reminder at</source>
        <translation>Rappel du &amp;matin à</translation>
    </message>
    <message>
        <source>Morning reminder time</source>
        <translation>Heure du rappel du matin</translation>
    </message>
    <message>
        <source>E&amp;vening reminder at</source>
        <translation>Rappel du s&amp;oir à</translation>
    </message>
    <message>
        <source>Evening reminder time</source>
        <translation>Heure du rappel du soir</translation>
    </message>
    <message>
        <source>&amp;Start with the computer, in the tray</source>
        <translation>&amp;Démarrer avec l&apos;ordinateur, dans la zone de notification</translation>
    </message>
    <message>
        <source>Opens rehabjournal in the tray when you log in, so that the morning reminder can come.</source>
        <translation>Ouvre rehabjournal dans la zone de notification à l&apos;ouverture de session, pour que le rappel du matin puisse s&apos;afficher.</translation>
    </message>
    <message>
        <source>only when today&apos;s check-in is still empty</source>
        <translation>seulement quand le bilan du matin d&apos;aujourd&apos;hui est encore vide</translation>
    </message>
    <message>
        <source>only when a session of the day needs its next-morning rating tomorrow</source>
        <translation>seulement quand une séance du jour attend sa note du lendemain matin</translation>
    </message>
    <message>
        <source>Start with the computer could not be set: {reason}</source>
        <translation>Le démarrage avec l&apos;ordinateur n&apos;a pas pu être réglé&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>PrescriptionForm</name>
    <message>
        <source>sets</source>
        <translation>séries</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>répétitions</translation>
    </message>
    <message>
        <source>hold (s)</source>
        <translation>maintien (s)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>charge</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unité</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>à la main</translation>
    </message>
    <message>
        <source>carried from an earlier phase</source>
        <translation>repris d&apos;une phase précédente</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>conseil</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <source>{day}: {field} {change} &lt;i&gt;({who})&lt;/i&gt;</source>
        <translation>{day}&#xa0;: {field} {change} &lt;i&gt;({who})&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dose history (last {last} of {total})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Historique de la dose ({last} derniers sur {total})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dose history&lt;/b&gt;</source>
        <translation>&lt;b&gt;Historique de la dose&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Maintien</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Days per week</source>
        <translation>Jours par semaine</translation>
    </message>
    <message>
        <source>Times a day</source>
        <translation>Fois par jour</translation>
    </message>
    <message>
        <source>Load unit</source>
        <translation>Unité de charge</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up (blank: as the exercise)</source>
        <translation>par ex. 3 s en descente, 3 s en montée (vide&#xa0;: comme l&apos;exercice)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>as the exercise</source>
        <translation>comme l&apos;exercice</translation>
    </message>
    <message>
        <source>Pain rule</source>
        <translation>Règle de douleur</translation>
    </message>
    <message>
        <source>Effort target</source>
        <translation>Cible d&apos;effort</translation>
    </message>
    <message>
        <source>e.g. about 70 % effort, or CR-10 3-4</source>
        <translation>par ex. environ 70&#xa0;% d&apos;effort, ou CR-10 3-4</translation>
    </message>
    <message>
        <source>Picture or video</source>
        <translation>Image ou vidéo</translation>
    </message>
    <message>
        <source>https:// link or a file (blank: as the exercise)</source>
        <translation>lien https:// ou fichier (vide&#xa0;: comme l&apos;exercice)</translation>
    </message>
    <message>
        <source>Prescription notes</source>
        <translation>Notes de la prescription</translation>
    </message>
    <message>
        <source>Shown with the exercise on Today, e.g. single leg, holding a weight</source>
        <translation>Affiché avec l&apos;exercice sur Aujourd&apos;hui, par ex. sur une jambe, en tenant un poids</translation>
    </message>
    <message>
        <source>Hold (s)</source>
        <translation>Maintien (s)</translation>
    </message>
    <message>
        <source>Rest (s)</source>
        <translation>Repos (s)</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>E&amp;xercice</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>&amp;Tempo</source>
        <translation>&amp;Tempo</translation>
    </message>
    <message>
        <source>or weekdays</source>
        <translation>ou jours de la semaine</translation>
    </message>
    <message>
        <source>Si&amp;de</source>
        <translation>Cô&amp;té</translation>
    </message>
    <message>
        <source>E&amp;ffort target</source>
        <translation>Cible d&apos;e&amp;ffort</translation>
    </message>
    <message>
        <source>Picture or &amp;video</source>
        <translation>Image ou &amp;vidéo</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>as the exercise ({side})</source>
        <translation>comme l&apos;exercice ({side})</translation>
    </message>
    <message>
        <source>as the exercise ({rule})</source>
        <translation>comme l&apos;exercice ({rule})</translation>
    </message>
    <message>
        <source>as the exercise: {tempo}</source>
        <translation>comme l&apos;exercice&#xa0;: {tempo}</translation>
    </message>
    <message>
        <source>e.g. 3 s down, 3 s up</source>
        <translation>par ex. 3 s en descente, 3 s en montée</translation>
    </message>
    <message>
        <source>Run part (s)</source>
        <translation>Partie course (s)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Avg HR</source>
        <translation>FC moy.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <source>Import Activities</source>
        <translation>Importer des activités</translation>
    </message>
    <message>
        <source>Activities found</source>
        <translation>Activités trouvées</translation>
    </message>
    <message>
        <source>Files not read</source>
        <translation>Fichiers non lus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Merge duplicates into sessions typed by hand</source>
        <translation>&amp;Fusionner les doublons avec les séances saisies à la main</translation>
    </message>
    <message>
        <source>On: an activity on the same day as a session you typed by hand, of the same activity and with similar minutes (within 5 minutes or 15 %), fills in what that session lacks (start time, heart rate, climb, distance); what you typed stays. Off: it is skipped.</source>
        <translation>Activé&#xa0;: une activité du même jour qu&apos;une séance saisie à la main, de la même activité et d&apos;une durée proche (à 5 minutes ou 15&#xa0;% près), complète ce qui manque à cette séance (heure de début, fréquence cardiaque, dénivelé positif, distance)&#xa0;; ce que vous avez saisi reste. Désactivé&#xa0;: elle est ignorée.</translation>
    </message>
    <message>
        <source>The file says “{sport}”; which activity each sport becomes is set in Preferences &gt; Activity files.</source>
        <translation>Le fichier indique «&#xa0;{sport}&#xa0;»&#xa0;; l&apos;activité de chaque sport se règle dans Préférences &gt; Fichiers d&apos;activité.</translation>
    </message>
    <message>
        <source>{moving} minutes moving, {elapsed} with pauses</source>
        <translation>{moving} minutes en mouvement, {elapsed} avec les pauses</translation>
    </message>
    <message>
        <source>Add: {reason}</source>
        <translation>Ajouter&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>merges into the session typed by hand</source>
        <translation>compléter la séance saisie à la main</translation>
    </message>
    <message>
        <source>Skip: merging is off</source>
        <translation>Ignorer&#xa0;: fusion désactivée</translation>
    </message>
    <message>
        <source>Skip: {reason}</source>
        <translation>Ignorer&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>No activities were found in what you chose.</source>
        <translation>Aucune activité n&apos;a été trouvée dans votre sélection.</translation>
    </message>
    <message>
        <source>Imported sessions wait on Today for your effort and pain ratings.</source>
        <translation>Les séances importées attendent vos notes d&apos;effort et de douleur dans Aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Rien n&apos;a été importé. {reason}</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <source>Programme name</source>
        <translation>Nom du programme</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>not set: week 1 is the week you start</source>
        <translation>non définie&#xa0;: la semaine 1 est celle où vous commencez</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the start date</source>
        <translation>Effacer la date de début</translation>
    </message>
    <message>
        <source>No start date: week 1 is the week you start (Delete in the date does the same)</source>
        <translation>Pas de date de début&#xa0;: la semaine 1 est celle où vous commencez (Suppr dans la date fait de même)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clinicien</translation>
    </message>
    <message>
        <source>physio&apos;s name</source>
        <translation>nom du kinésithérapeute</translation>
    </message>
    <message>
        <source>Clinician contact</source>
        <translation>Contact du clinicien</translation>
    </message>
    <message>
        <source>phone or e-mail</source>
        <translation>téléphone ou e-mail</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Date du prochain bilan</translation>
    </message>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>aaaa-mm-jj</translation>
    </message>
    <message>
        <source>Physio</source>
        <translation>Kinésithérapeute</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Bilan le</translation>
    </message>
    <message>
        <source>Phases and exercises</source>
        <translation>Phases et exercices</translation>
    </message>
    <message>
        <source>Add ph&amp;ase</source>
        <translation>Ajouter une ph&amp;ase</translation>
    </message>
    <message>
        <source>Add e&amp;xercise</source>
        <translation>Ajouter un e&amp;xercice</translation>
    </message>
    <message>
        <source>Duplicate phase</source>
        <translation>Dupliquer la phase</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move up (or drag and drop)</source>
        <translation>Monter (ou glisser-déposer)</translation>
    </message>
    <message>
        <source>Move down (or drag and drop)</source>
        <translation>Descendre (ou glisser-déposer)</translation>
    </message>
    <message>
        <source>Select a phase or an exercise to edit it. Drag rows to reorder them.</source>
        <translation>Sélectionnez une phase ou un exercice pour le modifier. Faites glisser les lignes pour les réordonner.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Review date: type it as yyyy-mm-dd, e.g. 2026-05-04 (blank: none).</source>
        <translation>Date du prochain bilan&#xa0;: saisissez-la au format aaaa-mm-jj, par ex. 2026-05-04 (vide&#xa0;: aucune).</translation>
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
        <translation>Exporter le programme</translation>
    </message>
    <message>
        <source>Programme files (*.json)</source>
        <translation>Fichiers de programme (*.json)</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} enregistré.</translation>
    </message>
    <message>
        <source>Import programme</source>
        <translation>Importer un programme</translation>
    </message>
    <message>
        <source>Programme files (*.json);;All files (*)</source>
        <translation>Fichiers de programme (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Rien n&apos;a été importé. {reason}</translation>
    </message>
    <message>
        <source>Imported {file} as a new programme (not active yet).</source>
        <translation>{file} importé comme nouveau programme (pas encore actif).</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>... and {n} more.</source>
        <translation>... et {n} de plus.</translation>
    </message>
</context>
<context>
    <name>ProgrammeListModel</name>
    <message>
        <source>{name}  (active)</source>
        <translation>{name}  (actif)</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>&amp;Programmes</source>
        <translation>&amp;Programmes</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>A&amp;dherence and advice</source>
        <translation>Ob&amp;servance et conseils</translation>
    </message>
</context>
<context>
    <name>ProgrammeSheetAction</name>
    <message>
        <source>Programme &amp;sheet...</source>
        <translation>Fiche du pro&amp;gramme...</translation>
    </message>
    <message>
        <source>A printable handout of this programme to follow at home, with boxes to tick ({keys})</source>
        <translation>Une fiche imprimable de ce programme à suivre chez vous, avec des cases à cocher ({keys})</translation>
    </message>
    <message>
        <source>Programme sheet...</source>
        <translation>Fiche du programme...</translation>
    </message>
</context>
<context>
    <name>ProgrammeSheetDialog</name>
    <message>
        <source>Programme sheet</source>
        <translation>Fiche du programme</translation>
    </message>
    <message>
        <source>Programme sheet preview</source>
        <translation>Aperçu de la fiche du programme</translation>
    </message>
    <message>
        <source>Making the programme sheet…</source>
        <translation>Création de la fiche du programme…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>A handout to follow at home: each exercise with its dose, how often, what to watch for and the pain rule, and a box to tick for each session.</source>
        <translation>Une fiche à suivre chez vous&#xa0;: chaque exercice avec sa dose, sa fréquence, les points d&apos;attention et la règle de douleur, et une case à cocher pour chaque séance.</translation>
    </message>
    <message>
        <source>The programme sheet could not be made: {message}</source>
        <translation>La fiche du programme n&apos;a pas pu être créée&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Save the programme sheet</source>
        <translation>Enregistrer la fiche du programme</translation>
    </message>
    <message>
        <source>Programme sheet not saved</source>
        <translation>Fiche du programme non enregistrée</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistrée dans {path}.</translation>
    </message>
    <message>
        <source>Programme sheet saved to {path}</source>
        <translation>Fiche du programme enregistrée dans {path}</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <source>No programme data yet</source>
        <translation>Pas encore de données de programme</translation>
    </message>
    <message>
        <source>Nothing logged yet</source>
        <translation>Rien de noté pour l&apos;instant</translation>
    </message>
    <message>
        <source>Nothing logged yet: mark an exercise done on Today and its progression shows here</source>
        <translation>Rien de noté pour l&apos;instant&#xa0;: marquez un exercice comme fait sur Aujourd&apos;hui et sa progression s&apos;affiche ici</translation>
    </message>
    <message>
        <source>Adherence per exercise</source>
        <translation>Observance par exercice</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>&lt;b&gt;Programme adherence:&lt;/b&gt; {total}.</source>
        <translation>&lt;b&gt;Observance du programme&#xa0;:&lt;/b&gt; {total}.</translation>
    </message>
</context>
<context>
    <name>ProgrammeTreeModel</name>
    <message>
        <source>Phase / exercise</source>
        <translation>Phase / exercice</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{phase}  (deload)</source>
        <translation>{phase}  (allègement)</translation>
    </message>
    <message>
        <source>{dose}, tempo {tempo}</source>
        <translation>{dose}, tempo {tempo}</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>From &amp;template</source>
        <translation>Depuis un &amp;modèle</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>&amp;Make active</source>
        <translation>Ac&amp;tiver</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importer...</translation>
    </message>
    <message>
        <source>Exp&amp;ort...</source>
        <translation>Exp&amp;orter...</translation>
    </message>
    <message>
        <source>&amp;Calendar (.ics)...</source>
        <translation>&amp;Calendrier (.ics)...</translation>
    </message>
    <message>
        <source>Import a programme file, e.g. one sent by your physio</source>
        <translation>Importer un fichier de programme, par ex. envoyé par votre kinésithérapeute</translation>
    </message>
    <message>
        <source>Save this programme as a file to share</source>
        <translation>Enregistrer ce programme dans un fichier à partager</translation>
    </message>
    <message>
        <source>Save the planned sessions for your calendar app</source>
        <translation>Enregistrer les séances prévues pour votre application de calendrier</translation>
    </message>
    <message>
        <source>&amp;Make inactive</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>My programme</source>
        <translation>Mon programme</translation>
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
        <translation>4 dernières semaines</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>12 dernières semaines</translation>
    </message>
    <message>
        <source>Since the programme started</source>
        <translation>Depuis le début du programme</translation>
    </message>
    <message>
        <source>Whole journal</source>
        <translation>Tout le journal</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>Pain site</source>
        <translation>Zone douloureuse</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Preparing charts...</source>
        <translation>Préparation des graphiques...</translation>
    </message>
    <message>
        <source>As logged</source>
        <translation>Comme noté</translation>
    </message>
    <message>
        <source>Hover over a chart for the day&apos;s values; right-click to save it as PNG or SVG.</source>
        <translation>Survolez un graphique pour voir les valeurs du jour&#xa0;; clic droit pour l&apos;enregistrer en PNG ou SVG.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Advice as of {day}:&lt;/b&gt; {advice}</source>
        <translation>&lt;b&gt;Conseil au {day}&#xa0;:&lt;/b&gt; {advice}</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Pain</source>
        <translation>Douleur</translation>
    </message>
    <message>
        <source>Training load</source>
        <translation>Charge d&apos;entraînement</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Outcome measures</source>
        <translation>Questionnaires de résultat</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Schémas</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Question {number}</source>
        <translation>Question {number}</translation>
    </message>
    <message>
        <source>Edit the words, then press Enter or Tab</source>
        <translation>Modifiez le texte, puis appuyez sur Entrée ou Tab</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Posée</translation>
    </message>
    <message>
        <source>Asked: question {number}</source>
        <translation>Posée&#xa0;: question {number}</translation>
    </message>
    <message>
        <source>Ticked once you have asked: {question}</source>
        <translation>Cochée une fois la question posée&#xa0;: {question}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete question {number}</source>
        <translation>Supprimer la question {number}</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>(English original)</source>
        <translation>(original anglais)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Previous item (Backspace)</source>
        <translation>Question précédente (Retour arrière)</translation>
    </message>
    <message>
        <source>Leave this item unanswered (S)</source>
        <translation>Laisser cette question sans réponse (S)</translation>
    </message>
    <message>
        <source>Next item (Enter)</source>
        <translation>Question suivante (Entrée)</translation>
    </message>
    <message>
        <source>{n} items, about {minutes} minutes.</source>
        <translation>{n} questions, environ {minutes} minutes.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>e.g. running, stairs, kneeling</source>
        <translation>p. ex. course, escaliers, position à genoux</translation>
    </message>
    <message>
        <source>Activity {number}</source>
        <translation>Activité {number}</translation>
    </message>
    <message>
        <source>Activity {number} rating</source>
        <translation>Note de l&apos;activité {number}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Enter or Esc closes.</source>
        <translation>Entrée ou Échap pour fermer.</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} questions</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Enter to start; Esc to cancel.</source>
        <translation>Entrée pour commencer&#xa0;; Échap pour annuler.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Tab between fields, Up/Down to rate; Enter saves.</source>
        <translation>Tab pour changer de champ, Haut/Bas pour noter&#xa0;; Entrée pour enregistrer.</translation>
    </message>
    <message>
        <source>item {number} of {total}</source>
        <translation>question {number} sur {total}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for finish, Backspace to go back, S to skip.</source>
        <translation>Appuyez sur {keys} pour répondre, Entrée pour terminer, Retour arrière pour revenir, S pour passer.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for finish, Backspace to go back.</source>
        <translation>Appuyez sur {keys} pour répondre, Entrée pour terminer, Retour arrière pour revenir.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for next, Backspace to go back, S to skip.</source>
        <translation>Appuyez sur {keys} pour répondre, Entrée pour continuer, Retour arrière pour revenir, S pour passer.</translation>
    </message>
    <message>
        <source>Press {keys} to answer, Enter for next, Backspace to go back.</source>
        <translation>Appuyez sur {keys} pour répondre, Entrée pour continuer, Retour arrière pour revenir.</translation>
    </message>
    <message>
        <source>Choose an answer (a number key), or press S to skip this item.</source>
        <translation>Choisissez une réponse (une touche numérique), ou appuyez sur S pour passer cette question.</translation>
    </message>
    <message>
        <source>Please choose an answer: a number key or a click.</source>
        <translation>Veuillez choisir une réponse&#xa0;: une touche numérique ou un clic.</translation>
    </message>
    <message>
        <source>Change from your first {instrument}: {change} (meaningful change: {mcid}).</source>
        <translation>Changement depuis votre premier {instrument}&#xa0;: {change} (changement important&#xa0;: {mcid}).</translation>
    </message>
    <message>
        <source>Saved for {day}.</source>
        <translation>Enregistré pour le {day}.</translation>
    </message>
</context>
<context>
    <name>Questionnaires</name>
    <message>
        <source>{text} (English original)</source>
        <translation>{text} (original anglais)</translation>
    </message>
</context>
<context>
    <name>QuestionsSection</name>
    <message>
        <source>Type a question for your next appointment, e.g. Ice or heat after a run?</source>
        <translation>Saisissez une question pour votre prochain rendez-vous, par ex. Glace ou chaleur après une course&#xa0;?</translation>
    </message>
    <message>
        <source>No questions yet. Add the ones you want to ask: the open ones are printed on page one of the report.</source>
        <translation>Pas encore de questions. Ajoutez celles que vous voulez poser&#xa0;: les questions ouvertes sont imprimées en page un du rapport.</translation>
    </message>
    <message>
        <source>On page one of the report until you tick “Asked”.</source>
        <translation>En page un du rapport jusqu&apos;à ce que vous cochiez «&#xa0;Posée&#xa0;».</translation>
    </message>
    <message>
        <source>Questions for your physio</source>
        <translation>Questions pour votre kinésithérapeute</translation>
    </message>
    <message>
        <source>New question for your physio</source>
        <translation>Nouvelle question pour votre kinésithérapeute</translation>
    </message>
    <message>
        <source>Add q&amp;uestion ({keys})</source>
        <translation>Ajo&amp;uter la question ({keys})</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Ajouter la question</translation>
    </message>
    <message>
        <source>Show asked questions</source>
        <translation>Afficher les questions posées</translation>
    </message>
    <message>
        <source>Today: Add a question for your physio</source>
        <translation>Aujourd&apos;hui&#xa0;: ajouter une question pour votre kinésithérapeute</translation>
    </message>
    <message>
        <source>Show asked questions ({n})</source>
        <translation>Afficher les questions posées ({n})</translation>
    </message>
</context>
<context>
    <name>RateRow</name>
    <message>
        <source>Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal. Enter saves the row.</source>
        <translation>Effort de la séance sur l&apos;échelle CR-10&#xa0;: 0 repos, 3 modéré, 5 dur, 7 très dur, 10 maximal. Entrée enregistre la ligne.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save this session&apos;s effort and pain (Enter)</source>
        <translation>Enregistrer l&apos;effort et la douleur de cette séance (Entrée)</translation>
    </message>
    <message>
        <source>Pain during (worst)</source>
        <translation>Douleur pendant (pire)</translation>
    </message>
    <message>
        <source>To rate: {session}</source>
        <translation>À évaluer&#xa0;: {session}</translation>
    </message>
    <message>
        <source>From a watch or app file; average heart rate {bpm} bpm</source>
        <translation>D&apos;un fichier de montre ou d&apos;application&#xa0;; fréquence cardiaque moyenne {bpm} bpm</translation>
    </message>
    <message>
        <source>From a watch or app file</source>
        <translation>D&apos;un fichier de montre ou d&apos;application</translation>
    </message>
    <message>
        <source>Type the effort (0-10) to rate this session: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal.</source>
        <translation>Saisissez l&apos;effort (0-10) pour évaluer cette séance&#xa0;: 0 repos, 3 modéré, 5 dur, 7 très dur, 10 maximal.</translation>
    </message>
</context>
<context>
    <name>RedFlagsSection</name>
    <message>
        <source>Red flags: tick any that apply today</source>
        <translation>Drapeaux rouges&#xa0;: cochez ceux qui s&apos;appliquent aujourd&apos;hui</translation>
    </message>
    <message>
        <source>See a clinician now if this applies.</source>
        <translation>Consultez un clinicien maintenant si c&apos;est le cas.</translation>
    </message>
    <message>
        <source>Book an assessment if this applies.</source>
        <translation>Prenez rendez-vous pour un bilan si c&apos;est le cas.</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>knee</source>
        <extracomment>The exercise library&apos;s body regions (``services.programme.REGIONS``) as shown.</extracomment>
        <translation>genou</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>hanche</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>cheville</translation>
    </message>
    <message>
        <source>whole leg</source>
        <translation>jambe entière</translation>
    </message>
    <message>
        <source>core</source>
        <translation>tronc</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <source>Reading the journal</source>
        <extracomment>the PDF&apos;s language (&quot;en&quot;, &quot;fr&quot;, &quot;de&quot;); None: the window&apos;s</extracomment>
        <translation>Lecture du journal</translation>
    </message>
    <message>
        <source>Rendering the preview</source>
        <translation>Création de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>What often came before flares, 1 to 3 days before, with the counts and the statistics: associations, not causes. Over the report&apos;s period, or the 12 weeks to its last day when it is shorter. Off unless you tick it.</source>
        <translation>Ce qui a souvent précédé les poussées, 1 à 3 jours avant, avec les effectifs et les statistiques&#xa0;: des associations, pas des causes. Sur la période du rapport, ou sur les 12 semaines jusqu&apos;à son dernier jour si elle est plus courte. Désactivé sauf si vous le cochez.</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>4 dernières semaines</translation>
    </message>
    <message>
        <source>Last 6 weeks</source>
        <translation>6 dernières semaines</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>12 dernières semaines</translation>
    </message>
    <message>
        <source>Whole journal</source>
        <translation>Tout le journal</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>Report from</source>
        <translation>Rapport du</translation>
    </message>
    <message>
        <source>Report to</source>
        <translation>Rapport au</translation>
    </message>
    <message>
        <source>Same as the window ({language})</source>
        <translation>Comme la fenêtre ({language})</translation>
    </message>
    <message>
        <source>The language of the PDF: a physiotherapist may read another language than yours.</source>
        <translation>La langue du PDF&#xa0;: votre kinésithérapeute peut lire une autre langue que la vôtre.</translation>
    </message>
    <message>
        <source>Anonymise (initials only)</source>
        <translation>Anonymiser (initiales seulement)</translation>
    </message>
    <message>
        <source>Show the patient&apos;s initials instead of the name and leave out the clinician&apos;s name.</source>
        <translation>Afficher les initiales du patient au lieu du nom et omettre le nom du clinicien.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Page one: what changed</source>
        <translation>Page un&#xa0;: ce qui a changé</translation>
    </message>
    <message>
        <source>Make report</source>
        <translation>Créer le rapport</translation>
    </message>
    <message>
        <source>The report is printed on every page with the patient&apos;s initials and page numbers.</source>
        <translation>Cette mention est imprimée sur chaque page du rapport avec les initiales du patient et les numéros de page.</translation>
    </message>
    <message>
        <source>Clinician report</source>
        <translation>Rapport pour le clinicien</translation>
    </message>
    <message>
        <source>Report options</source>
        <translation>Options du rapport</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>Ouvrir dans la visionneuse</translation>
    </message>
    <message>
        <source>Questions on page one</source>
        <translation>Questions en page un</translation>
    </message>
    <message>
        <source>… and {n} more, printed at the end</source>
        <translation>… et {n} de plus, imprimées à la fin</translation>
    </message>
    <message>
        <source>No open questions. Add them under “Questions for your physio” on Today; tick “Asked” there once asked.</source>
        <translation>Aucune question ouverte. Ajoutez-les sous «&#xa0;Questions pour votre kinésithérapeute&#xa0;» sur Aujourd&apos;hui&#xa0;; cochez-y «&#xa0;Posée&#xa0;» une fois posées.</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a &apos;To&apos; date on or after the &apos;From&apos; date.</source>
        <translation>La période se termine avant de commencer&#xa0;: choisissez une date «&#xa0;Au&#xa0;» égale ou postérieure à la date «&#xa0;Du&#xa0;».</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Création du rapport…</translation>
    </message>
    <message>
        <source>No entries in this period: the report says so. Choose another period.</source>
        <translation>Aucune entrée sur cette période&#xa0;: le rapport l&apos;indique. Choisissez une autre période.</translation>
    </message>
    <message>
        <source>The report could not be made: {message}</source>
        <translation>Le rapport n&apos;a pas pu être créé&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The journal changed since this preview: press Make report to update it.</source>
        <translation>Le journal a changé depuis cet aperçu&#xa0;: appuyez sur Créer le rapport pour le mettre à jour.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Rapport non enregistré</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Rapport enregistré dans {path}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}.</source>
        <translation>Impossible d&apos;enregistrer {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L&apos;imprimante n&apos;a pas pu être démarrée.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. The journal that could not be opened is moved into the backups folder as it is, and kept there.
Backups are in {folder}.</source>
        <translation>Choisissez la copie à laquelle revenir. Le journal qui n&apos;a pas pu être ouvert est déplacé tel quel dans le dossier des sauvegardes, et conservé.
Les sauvegardes sont dans {folder}.</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. Your journal as it is now is saved first, so a restore can be undone by restoring that copy.
Backups are in {folder}.</source>
        <translation>Choisissez la copie à laquelle revenir. Votre journal tel qu&apos;il est maintenant est d&apos;abord sauvegardé, donc une restauration peut être annulée en restaurant cette copie.
Les sauvegardes sont dans {folder}.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>There are no backups yet. Use File &gt; Back Up Now to make one.</source>
        <translation>Il n&apos;y a pas encore de sauvegarde. Utilisez Fichier &gt; Sauvegarder maintenant pour en faire une.</translation>
    </message>
    <message>
        <source>&amp;Restore this copy...</source>
        <translation>&amp;Restaurer cette copie...</translation>
    </message>
    <message>
        <source>Cannot restore this copy</source>
        <translation>Impossible de restaurer cette copie</translation>
    </message>
    <message>
        <source>The copy of {made}</source>
        <translation>La copie du {made}</translation>
    </message>
    <message>
        <source>{check_ins} check-ins, {sessions} sessions, {logs} exercise logs</source>
        <translation>bilans du matin&#xa0;: {check_ins}, séances&#xa0;: {sessions}, exercices notés&#xa0;: {logs}</translation>
    </message>
    <message>
        <source>The journal that could not be opened is moved to the backups folder as it is, and kept there.</source>
        <translation>Le journal qui n&apos;a pas pu être ouvert est déplacé tel quel dans le dossier des sauvegardes, et conservé.</translation>
    </message>
    <message>
        <source>Your journal as it is now is saved to the backups folder first.</source>
        <translation>Votre journal tel qu&apos;il est maintenant est d&apos;abord sauvegardé dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde&#xa0;?</translation>
    </message>
    <message>
        <source>Put the copy of {made} ({counts}) in place of your journal?

{first}</source>
        <translation>Mettre la copie du {made} ({counts}) à la place de votre journal&#xa0;?

{first}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>{reason}. Your journal was left as it was.</source>
        <translation>{reason}. Votre journal est resté tel quel.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <source>Restored the backup of {made}</source>
        <translation>Sauvegarde du {made} restaurée</translation>
    </message>
    <message>
        <source>The journal is back as it was on {made}.</source>
        <translation>Le journal est revenu à son état du {made}.</translation>
    </message>
    <message>
        <source>The journal that could not be opened is kept, as it was, in
{path}</source>
        <translation>Le journal qui n&apos;a pas pu être ouvert est conservé, tel quel, dans
{path}</translation>
    </message>
    <message>
        <source>The journal as it was before the restore is kept in
{path}</source>
        <translation>Le journal tel qu&apos;il était avant la restauration est conservé dans
{path}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Effort (CR-10)</source>
        <translation>Effort (CR-10)</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Douleur avant</translation>
    </message>
    <message>
        <source>Pain during (worst)</source>
        <translation>Douleur pendant (pire)</translation>
    </message>
    <message>
        <source>Pain after</source>
        <translation>Douleur après</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>effort...</source>
        <translation>effort...</translation>
    </message>
    <message>
        <source>Session effort on the CR-10 scale: 0 rest, 3 moderate, 5 hard, 7 very hard, 10 maximal</source>
        <translation>Effort de la séance sur l&apos;échelle CR-10&#xa0;: 0 repos, 3 modéré, 5 dur, 7 très dur, 10 maximal</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Pain site</source>
        <translation>Zone douloureuse</translation>
    </message>
    <message>
        <source>The pain site of this session&apos;s pain ratings: {site}</source>
        <translation>La zone douloureuse des évaluations de douleur de cette séance&#xa0;: {site}</translation>
    </message>
    <message>
        <source>The pain site of this session&apos;s pain ratings</source>
        <translation>La zone douloureuse des évaluations de douleur de cette séance</translation>
    </message>
    <message>
        <source>notes (route, shoes, how it felt)</source>
        <translation>notes (parcours, chaussures, ressenti)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this session (Edit &gt; Undo brings it back)</source>
        <translation>Supprimer cette séance (Édition &gt; Annuler la rétablit)</translation>
    </message>
    <message>
        <source>Enter the minutes to save this session.</source>
        <translation>Saisissez les minutes pour enregistrer cette séance.</translation>
    </message>
    <message>
        <source>Also {site}:</source>
        <translation>Aussi {site}&#xa0;:</translation>
    </message>
    <message>
        <source>{field} ({site})</source>
        <translation>{field} ({site})</translation>
    </message>
    <message>
        <source>From the programme&apos;s exercises logged today (Exercises due below): the minutes are estimated from the prescriptions; type the real minutes to replace the estimate.</source>
        <translation>D&apos;après les exercices du programme notés aujourd&apos;hui (Exercices du jour, plus bas)&#xa0;: les minutes sont estimées d&apos;après les prescriptions&#xa0;; saisissez les minutes réelles pour remplacer l&apos;estimation.</translation>
    </message>
    <message>
        <source>From the programme&apos;s exercises logged today (Exercises due below).</source>
        <translation>D&apos;après les exercices du programme notés aujourd&apos;hui (Exercices du jour, plus bas).</translation>
    </message>
    <message>
        <source>started {time}</source>
        <translation>début à {time}</translation>
    </message>
    <message>
        <source>average heart rate {bpm} bpm (highest {top})</source>
        <translation>fréquence cardiaque moyenne {bpm} bpm (max. {top})</translation>
    </message>
    <message>
        <source>average heart rate {bpm} bpm</source>
        <translation>fréquence cardiaque moyenne {bpm} bpm</translation>
    </message>
    <message>
        <source>{metres} m climb</source>
        <translation>{metres} m de dénivelé positif</translation>
    </message>
    <message>
        <source>{minutes} min of pauses (not counted)</source>
        <translation>{minutes} min de pause (non comptées)</translation>
    </message>
    <message>
        <source>From a watch or app file.</source>
        <translation>D&apos;un fichier de montre ou d&apos;application.</translation>
    </message>
    <message>
        <source>From a watch or app file: {details}.</source>
        <translation>D&apos;un fichier de montre ou d&apos;application&#xa0;: {details}.</translation>
    </message>
    <message>
        <source>Typed by hand and matched with a watch or app file.</source>
        <translation>Saisie à la main et associée à un fichier de montre ou d&apos;application.</translation>
    </message>
    <message>
        <source>Typed by hand and matched with a watch or app file: {details}.</source>
        <translation>Saisie à la main et associée à un fichier de montre ou d&apos;application&#xa0;: {details}.</translation>
    </message>
    <message>
        <source>Activity needs a name, e.g. run, cycle or rehab exercises.</source>
        <translation>L&apos;activité doit avoir un nom, par ex. course, vélo ou exercices de rééducation.</translation>
    </message>
</context>
<context>
    <name>SessionsSection</name>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>&amp;Add session (Ctrl+N)</source>
        <translation>Ajouter une séan&amp;ce (Ctrl+N)</translation>
    </message>
    <message>
        <source>Today: Add a session</source>
        <translation>Aujourd&apos;hui&#xa0;: ajouter une séance</translation>
    </message>
    <message>
        <source>Add pain s&amp;ite...</source>
        <translation>Ajouter une &amp;zone douloureuse...</translation>
    </message>
    <message>
        <source>No session recorded on this day. Rest days count too: they show as zero load.</source>
        <translation>Aucune séance notée ce jour-là. Les jours de repos comptent aussi&#xa0;: ils apparaissent avec une charge nulle.</translation>
    </message>
    <message>
        <source>Merged with the rehab exercises session made from your exercise log: one session, so the exercises count once.</source>
        <translation>Fusionnée avec la séance d&apos;exercices de rééducation créée à partir de votre suivi d&apos;exercices&#xa0;: une seule séance, pour que les exercices ne comptent qu&apos;une fois.</translation>
    </message>
</context>
<context>
    <name>SheetJob</name>
    <message>
        <source>Laying out the sheet</source>
        <translation>Mise en page de la fiche</translation>
    </message>
    <message>
        <source>Rendering the preview</source>
        <translation>Rendu de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every shortcut of rehabjournal, as the menus show them.</source>
        <translation>Tous les raccourcis de rehabjournal, tels que les menus les affichent.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>left</source>
        <extracomment>``scales.SIDES`` as shown (&quot;&quot; is &quot;not applicable&quot;).</extracomment>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>both</source>
        <translation>les deux</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
</context>
<context>
    <name>StartupWork</name>
    <message>
        <source>Backing up...</source>
        <translation>Sauvegarde en cours...</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Sauvegardé</translation>
    </message>
    <message>
        <source>Your journal failed its check</source>
        <translation>Votre journal a échoué à sa vérification</translation>
    </message>
    <message>
        <source>rehabjournal&apos;s check of your journal found damage. What you see may be incomplete, and new entries may not be kept safely.

Restore a backup made before the damage: your journal as it is now is kept in the backups folder first.</source>
        <translation>La vérification de votre journal par rehabjournal a trouvé des dommages. Ce que vous voyez peut être incomplet, et les nouvelles saisies risquent de ne pas être conservées en sécurité.

Restaurez une sauvegarde faite avant les dommages&#xa0;: votre journal tel qu&apos;il est maintenant est d&apos;abord conservé dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <source>SQLite&apos;s check found: {found}.

The journal: {journal}
The backups: {backups}</source>
        <translation>La vérification de SQLite a trouvé&#xa0;: {found}.

Le journal&#xa0;: {journal}
Les sauvegardes&#xa0;: {backups}</translation>
    </message>
    <message>
        <source>The journal failed its check: restore a backup (File &gt; Restore from Backup...)</source>
        <translation>Le journal a échoué à sa vérification&#xa0;: restaurez une sauvegarde (Fichier &gt; Restaurer une sauvegarde...)</translation>
    </message>
    <message>
        <source>Restore a backup...</source>
        <translation>Restaurer une sauvegarde...</translation>
    </message>
    <message>
        <source>Start-up checks failed: {reason}</source>
        <translation>Les vérifications au démarrage ont échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>Progress</source>
        <translation>Progresser</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Maintenir</translation>
    </message>
    <message>
        <source>Back off</source>
        <translation>Reculer</translation>
    </message>
    <message>
        <source>See your physio</source>
        <translation>Consulter votre kiné</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>répétitions</translation>
    </message>
    <message>
        <source>hold (s)</source>
        <translation>maintien (s)</translation>
    </message>
    <message>
        <source>load</source>
        <translation>charge</translation>
    </message>
    <message>
        <source>sets</source>
        <translation>séries</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>add note: {note}</source>
        <translation>ajouter une note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>{change}; note: {note}</source>
        <translation>{change}&#xa0;; note&#xa0;: {note}</translation>
    </message>
</context>
<context>
    <name>Swelling</name>
    <message>
        <source>none</source>
        <extracomment>``scales.SWELLING_GRADES`` as shown.</extracomment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>léger</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modéré</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>important</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New programme from template</source>
        <translation>Nouveau programme depuis un modèle</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>Nom du programme</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>Next &amp;Monday</source>
        <translation>&amp;Lundi prochain</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>&amp;Commence le</translation>
    </message>
    <message>
        <source>Your active programme: {name}</source>
        <translation>Votre programme actif&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Make the new programme the active one: its exercises show on Today from its start</source>
        <translation>Faire du nouveau programme le programme actif&#xa0;: ses exercices s&apos;affichent sur Aujourd&apos;hui dès son début</translation>
    </message>
    <message>
        <source>Keep “{name}” active; add the new programme inactive, to start it later</source>
        <translation>Garder «&#xa0;{name}&#xa0;» actif&#xa0;; ajouter le nouveau programme inactif, pour le commencer plus tard</translation>
    </message>
    <message>
        <source>Either way “{name}” stays in your list with its logs; &lt;i&gt;Make active&lt;/i&gt; switches between programmes.</source>
        <translation>Dans les deux cas, «&#xa0;{name}&#xa0;» reste dans votre liste avec son suivi&#xa0;; &lt;i&gt;Activer&lt;/i&gt; permet de passer d&apos;un programme à l&apos;autre.</translation>
    </message>
    <message>
        <source>It becomes your active programme: its exercises show on Today from its start date.</source>
        <translation>Il devient votre programme actif&#xa0;: ses exercices s&apos;affichent sur Aujourd&apos;hui dès sa date de début.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Week 1 starts today; the last week ends {date}.</source>
        <translation>La semaine 1 commence aujourd&apos;hui&#xa0;; la dernière semaine se termine le {date}.</translation>
    </message>
    <message>
        <source>Week 1 starts today.</source>
        <translation>La semaine 1 commence aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Not a Monday: the programme&apos;s weeks will run across the calendar weeks the adherence table counts.</source>
        <translation>Pas un lundi&#xa0;: les semaines du programme chevaucheront les semaines civiles que compte le tableau d&apos;observance.</translation>
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
        <translation>FC {bpm}</translation>
    </message>
    <message>
        <source>From your watch or app files: type the effort (CR-10) and pain, Tab between them, Enter saves the row. Until rated, their minutes count but not their load.</source>
        <translation>Séances de vos fichiers de montre ou d&apos;application&#xa0;: saisissez l&apos;effort (CR-10) et la douleur, Tab pour passer de l&apos;un à l&apos;autre, Entrée enregistre la ligne. Tant qu&apos;elles ne sont pas évaluées, leurs minutes comptent, mais pas leur charge.</translation>
    </message>
    <message>
        <source>Open the latest one&apos;s day</source>
        <translation>Ouvrir le jour de la plus récente</translation>
    </message>
    <message>
        <source>Open its day</source>
        <translation>Ouvrir le jour de la séance</translation>
    </message>
    <message>
        <source>Shows on Today the day of the most recent older session without an effort; rate it there, in its session.</source>
        <translation>Affiche dans Aujourd&apos;hui le jour de la plus récente des séances plus anciennes sans effort&#xa0;; évaluez-la là, dans sa séance.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>rehabjournal is still running</source>
        <translation>rehabjournal est toujours ouvert</translation>
    </message>
    <message>
        <source>It stays in the tray for your reminders. Quit it from the icon&apos;s menu or with File &gt; Quit.</source>
        <translation>Il reste dans la zone de notification pour vos rappels. Quittez-le depuis le menu de l&apos;icône ou avec Fichier &gt; Quitter.</translation>
    </message>
    <message>
        <source>&amp;Open rehabjournal</source>
        <translation>&amp;Ouvrir rehabjournal</translation>
    </message>
    <message>
        <source>Today&apos;s &amp;check-in</source>
        <translation>&amp;Bilan du matin d&apos;aujourd&apos;hui</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <translation>élastique</translation>
    </message>
    <message>
        <source>bodyweight</source>
        <translation>poids du corps</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
</context>
<context>
    <name>WeekLoadModel</name>
    <message>
        <source>Load (AU)</source>
        <translation>Charge (UA)</translation>
    </message>
    <message>
        <source>Change on the week before</source>
        <translation>Variation sur la semaine précédente</translation>
    </message>
    <message>
        <source>Monotony</source>
        <translation>Monotonie</translation>
    </message>
    <message>
        <source>Strain</source>
        <translation>Contrainte</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>complétée</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partielle</translation>
    </message>
    <message>
        <source>Sessions without an effort: the load shown is the rated sessions&apos; only</source>
        <translation>Séances sans effort&#xa0;: la charge affichée est celle des seules séances évaluées</translation>
    </message>
    <message>
        <source>The whole week is in the period.</source>
        <translation>Toute la semaine est dans la période.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>knee</source>
        <extracomment>``scales.JOINTS`` and ``scales.SIDES`` as the form shows them (the journal keeps the English key, the item&apos;s data).</extracomment>
        <translation>genou</translation>
    </message>
    <message>
        <source>hip</source>
        <translation>hanche</translation>
    </message>
    <message>
        <source>ankle</source>
        <translation>cheville</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>pied</translation>
    </message>
    <message>
        <source>lower leg</source>
        <translation>jambe</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>cuisse</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>bas du dos</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>both</source>
        <translation>les deux</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <source>Welcome to rehabjournal</source>
        <translation>Bienvenue dans rehabjournal</translation>
    </message>
    <message>
        <source>Record what you did and how the joint answered, especially the next morning. Patterns show which load was too much faster than guessing. Your journal stays on this computer.&lt;br&gt;&lt;i&gt;Information, not medical advice.&lt;/i&gt;</source>
        <translation>Notez ce que vous avez fait et comment l&apos;articulation a répondu, surtout le lendemain matin. Les schémas montrent quelle charge était de trop, plus vite qu&apos;en devinant. Votre journal reste sur cet ordinateur.&lt;br&gt;&lt;i&gt;Information, pas un avis médical.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Votre nom ou vos initiales</translation>
    </message>
    <message>
        <source>Other / not sure</source>
        <translation>Autre / je ne sais pas</translation>
    </message>
    <message>
        <source>e.g. run 10 km without pain</source>
        <translation>p. ex. courir 10 km sans douleur</translation>
    </message>
    <message>
        <source>Your physiotherapist (optional)</source>
        <translation>Votre kinésithérapeute (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Condition</source>
        <translation>&amp;Pathologie</translation>
    </message>
    <message>
        <source>&amp;Joint</source>
        <translation>&amp;Articulation</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Côté</translation>
    </message>
    <message>
        <source>Pain &amp;began</source>
        <translation>Dé&amp;but de la douleur</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Objectif</translation>
    </message>
    <message>
        <source>C&amp;linician</source>
        <translation>C&amp;linicien</translation>
    </message>
    <message>
        <source>C&amp;reate my journal</source>
        <translation>C&amp;réer mon journal</translation>
    </message>
    <message>
        <source>Open the &amp;demo journal</source>
        <translation>Ouvrir le journal de &amp;démonstration</translation>
    </message>
    <message>
        <source>Opens a generated 12-week journal in a separate window; your journal is not touched.</source>
        <translation>Ouvre un journal généré de 12 semaines dans une fenêtre séparée&#xa0;; votre journal n&apos;est pas touché.</translation>
    </message>
    <message>
        <source>Journal created</source>
        <translation>Journal créé</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>{calendar}: year</source>
        <translation>{calendar}&#xa0;: année</translation>
    </message>
    <message>
        <source>{context} tabs</source>
        <translation>Onglets de {context}</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Onglets</translation>
    </message>
    <message>
        <source>{low} to {high} {unit}</source>
        <translation>{low} à {high} {unit}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} à {high}</translation>
    </message>
    <message>
        <source>a date, {format}</source>
        <translation>une date, {format}</translation>
    </message>
    <message>
        <source>{choices} and {n} more</source>
        <translation>{choices} et {n} autres</translation>
    </message>
    <message>
        <source>{what}: one of {choices}</source>
        <translation>{what}&#xa0;: parmi {choices}</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>parmi {choices}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The journal in {folder} is already open in another rehabjournal window. Switch to that window, or close it first.</source>
        <translation>Le journal dans {folder} est déjà ouvert dans une autre fenêtre rehabjournal. Passez à cette fenêtre, ou fermez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>The journal in {folder} is already open in another rehabjournal window (process {pid} on {host}). Switch to that window, or close it first.</source>
        <translation>Le journal dans {folder} est déjà ouvert dans une autre fenêtre rehabjournal (processus {pid} sur {host}). Passez à cette fenêtre, ou fermez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>The journal in {folder} is in use by the command {command} (process {pid} on {host}). Wait for it to finish, then open rehabjournal again.</source>
        <translation>Le journal dans {folder} est utilisé par la commande {command} (processus {pid} sur {host}). Attendez qu&apos;elle se termine, puis rouvrez rehabjournal.</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Phrase secrète incorrecte</translation>
    </message>
    <message>
        <source>Encrypted journal</source>
        <translation>Journal chiffré</translation>
    </message>
    <message>
        <source>This journal is encrypted. Passphrase:</source>
        <translation>Ce journal est chiffré. Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>rehabjournal: this journal is already open: its window was brought to the front.</source>
        <translation>rehabjournal&#xa0;: ce journal est déjà ouvert&#xa0;: sa fenêtre a été mise au premier plan.</translation>
    </message>
    <message>
        <source>rehabjournal cannot open the journal</source>
        <translation>rehabjournal ne peut pas ouvrir le journal</translation>
    </message>
    <message>
        <source>Restore a backup...</source>
        <translation>Restaurer une sauvegarde...</translation>
    </message>
    <message>
        <source>You can put a backup copy in its place: the journal that could not be opened is moved into the backups folder as it is, and kept there.</source>
        <translation>Vous pouvez mettre une copie de sauvegarde à sa place&#xa0;: le journal qui n&apos;a pas pu être ouvert est déplacé tel quel dans le dossier des sauvegardes, et conservé.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>rehabjournal: the backups could not be listed: {reason}</source>
        <translation>rehabjournal&#xa0;: les sauvegardes n&apos;ont pas pu être listées&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
</context>
<context>
    <name>appearance</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Your journal failed its integrity check ({found}), so no copy of it was made: a copy of a damaged journal would not help. Restore a backup made before the damage with File &gt; Restore from Backup...</source>
        <translation>Votre journal a échoué à sa vérification d&apos;intégrité ({found}), donc aucune copie n&apos;en a été faite&#xa0;: une copie d&apos;un journal endommagé ne servirait à rien. Restaurez une sauvegarde faite avant les dommages avec Fichier &gt; Restaurer une sauvegarde...</translation>
    </message>
    <message>
        <source>{reason} Check the free space in {folder}.</source>
        <translation>{reason} Vérifiez l&apos;espace libre dans {folder}.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Sauvegardé dans {file}</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <source>A copy of your journal was saved to
{path}

rehabjournal also makes one copy a day by itself, and keeps the last 14 days and 8 weeks of copies.</source>
        <translation>Une copie de votre journal a été enregistrée dans
{path}

rehabjournal fait aussi une copie par jour de lui-même, et garde les copies des 14 derniers jours et des 8 dernières semaines.</translation>
    </message>
    <message>
        <source>Unusable: {reason}</source>
        <translation>Inutilisable&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Tout exporter</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>Lignes exportées vers {path}&#xa0;: {n}</translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation>Tout importer</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>{path} was not imported; your journal is unchanged.</source>
        <translation>{path} n&apos;a pas été importé&#xa0;; votre journal est inchangé.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Imported {check_ins} check-ins, {sessions} sessions and {logs} exercise logs from {path}.</source>
        <translation>Import depuis {path} terminé (bilans du matin&#xa0;: {check_ins}, séances&#xa0;: {sessions}, exercices notés&#xa0;: {logs}).</translation>
    </message>
    <message>
        <source>Export for clinician (FHIR)</source>
        <translation>Exporter pour le clinicien (FHIR)</translation>
    </message>
    <message>
        <source>Put your name in the file, or only your initials?</source>
        <translation>Mettre votre nom dans le fichier, ou seulement vos initiales&#xa0;?</translation>
    </message>
    <message>
        <source>The file holds your pain ratings and outcome measures as a FHIR R4 bundle that clinical software can read. It is not sent anywhere: you decide who gets it.</source>
        <translation>Le fichier contient vos notes de douleur et vos questionnaires de résultat sous forme de lot FHIR R4 lisible par les logiciels cliniques. Il n&apos;est envoyé nulle part&#xa0;: c&apos;est vous qui décidez qui le reçoit.</translation>
    </message>
    <message>
        <source>Include my &amp;name</source>
        <translation>Inclure mon &amp;nom</translation>
    </message>
    <message>
        <source>&amp;Initials only</source>
        <translation>&amp;Initiales seulement</translation>
    </message>
    <message>
        <source>Wrote a FHIR bundle of {n} entries to {path}</source>
        <translation>Lot FHIR écrit dans {path} (entrées&#xa0;: {n})</translation>
    </message>
</context>
<context>
    <name>edit_path</name>
    <message>
        <source>Could not undo “{change}”. {reason}</source>
        <translation>Impossible d&apos;annuler «&#xa0;{change}&#xa0;». {reason}</translation>
    </message>
    <message>
        <source>Could not redo “{change}”. {reason}</source>
        <translation>Impossible de rétablir «&#xa0;{change}&#xa0;». {reason}</translation>
    </message>
    <message>
        <source>Undone: {change}</source>
        <translation>Annulé&#xa0;: {change}</translation>
    </message>
    <message>
        <source>Redone: {change}</source>
        <translation>Rétabli&#xa0;: {change}</translation>
    </message>
    <message>
        <source>What you typed is still in the form; save again in a moment.</source>
        <translation>Ce que vous avez saisi est toujours dans le formulaire&#xa0;; enregistrez à nouveau dans un instant.</translation>
    </message>
    <message>
        <source>What you typed is still in the form; free some disk space or check the data folder, then try again.</source>
        <translation>Ce que vous avez saisi est toujours dans le formulaire&#xa0;; libérez de l&apos;espace disque ou vérifiez le dossier des données, puis réessayez.</translation>
    </message>
    <message>
        <source>{reason} {advice}</source>
        <translation>{reason} {advice}</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Échec de l&apos;enregistrement</translation>
    </message>
</context>
<context>
    <name>exercise_card</name>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>no rest</source>
        <translation>sans repos</translation>
    </message>
    <message>
        <source>tempo {tempo}</source>
        <translation>tempo {tempo}</translation>
    </message>
    <message>
        <source>rest {rest}</source>
        <translation>repos {rest}</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Fréquence&#xa0;:</translation>
    </message>
    <message>
        <source>Rest between sets:</source>
        <translation>Repos entre les séries&#xa0;:</translation>
    </message>
    <message>
        <source>Effort:</source>
        <translation>Effort&#xa0;:</translation>
    </message>
    <message>
        <source>Pain:</source>
        <translation>Douleur&#xa0;:</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source&#xa0;: {source}</translation>
    </message>
    <message>
        <source>No picture or video is given for this exercise.</source>
        <translation>Aucune image ni vidéo n&apos;est indiquée pour cet exercice.</translation>
    </message>
    <message>
        <source>That link is not a valid web address.</source>
        <translation>Ce lien n&apos;est pas une adresse web valide.</translation>
    </message>
    <message>
        <source>The picture or video was not found: {path}</source>
        <translation>L&apos;image ou la vidéo est introuvable&#xa0;: {path}</translation>
    </message>
    <message>
        <source>The picture or video could not be read: {path}</source>
        <translation>L&apos;image ou la vidéo n&apos;a pas pu être lue&#xa0;: {path}</translation>
    </message>
    <message>
        <source>{path} points to {target}, which is not a picture, video or PDF: it is not opened.</source>
        <translation>{path} renvoie vers {target}, qui n&apos;est pas une image, une vidéo ni un PDF&#xa0;: il n&apos;est pas ouvert.</translation>
    </message>
    <message>
        <source>No program on this computer could open it.</source>
        <translation>Aucun programme de cet ordinateur n&apos;a pu l&apos;ouvrir.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Everywhere</source>
        <extracomment>Keys that are no action of their own: (where, what, keys), translated where shown (``general_rows``).</extracomment>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Go to the field or button whose letter is underlined</source>
        <translation>Aller au champ ou au bouton dont la lettre est soulignée</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+lettre</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Champ suivant / précédent</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulaires</translation>
    </message>
    <message>
        <source>Save the field (every field saves when you leave it)</source>
        <translation>Enregistrer le champ (chaque champ s&apos;enregistre quand vous le quittez)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Number fields</source>
        <translation>Champs numériques</translation>
    </message>
    <message>
        <source>One more / one less</source>
        <translation>Un de plus / un de moins</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>Haut / Bas</translation>
    </message>
    <message>
        <source>Undo / redo your typing in the field; in a field with nothing of its own to undo, the last change (as Edit &gt; Undo / Redo)</source>
        <translation>Annuler / rétablir votre saisie dans le champ&#xa0;; dans un champ sans saisie à annuler, la dernière modification (comme Édition &gt; Annuler / Rétablir)</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Ctrl+Z / Ctrl+Maj+Z</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <extracomment>Actions whose text changes with the journal (&quot;Undo Change morning pain&quot;): what they do.</extracomment>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rétablir ce qui a été annulé</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, séparé par des virgules (*.csv)</translation>
    </message>
    <message>
        <source>CSV, semicolon-separated with decimal commas (Excel in German, French ... settings) (*.csv)</source>
        <translation>CSV, séparé par des points-virgules avec virgules décimales (Excel en réglages allemands, français...) (*.csv)</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>{path} has problems, so nothing was imported. Fix these lines and import it again:</source>
        <translation>{path} contient des erreurs, donc rien n&apos;a été importé. Corrigez ces lignes et importez-le à nouveau&#xa0;:</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <source>A copy of the journal as it was before was saved to {path}.</source>
        <translation>Une copie du journal tel qu&apos;il était avant a été enregistrée dans {path}.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter un CSV</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>Lignes exportées vers {path}&#xa0;: {n}</translation>
    </message>
</context>
</TS>
