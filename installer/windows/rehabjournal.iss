; Inno Setup 6 script: the Windows installer for the PyInstaller bundle in dist\rehabjournal.
;
; Build on Windows, from the repository top (see installer\README.md):
;   python installer\ci.py build
; (the build venv from installer\requirements.lock, PyInstaller with installer\rehabjournal.spec,
; then iscc /DAppVersion=<pyproject's version> on this script; .github/workflows/installers.yml)
; Output: dist\rehabjournal-<version>-windows-x64-setup.exe
; The version comes only from pyproject.toml, through the /DAppVersion define.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z rehabjournal.iss
#endif
#define AppName "Rehab Journal"
#define AppExe "rehabjournal.exe"

[Setup]
; AppId identifies the app to Windows' uninstaller across versions: never change it.
AppId={{D775ABBF-BD40-4608-B5F5-84FCDFD7A025}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=rehabjournal developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=rehabjournal-{#AppVersion}-windows-x64-setup
SetupIconFile=rehabjournal.ico
; Shown on the licence page before installing: rehabjournal's GPL-3.0-or-later. The
; third-party notices are in the app (Help > About > Licences) and in
; _internal\rehabjournal\THIRD-PARTY-NOTICES.
LicenseFile=..\..\LICENSE
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Upgrades close a running copy first.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no stale libraries from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; rehabjournal.exe (windowed) and rehabjournal-cli.exe (console, for --version and the
; headless commands) share _internal.
Source: "..\..\dist\rehabjournal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; the licence and the third-party notices beside the programs, as at the top of the Linux
; tarball and the DMG (the app shows them in Help > About > Licences)
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\..\THIRD-PARTY-NOTICES"; DestDir: "{app}"; DestName: "THIRD-PARTY-NOTICES.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Exercise-related joint pain journal"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The journal (%LOCALAPPDATA%\rehabjournal) is the user's data: the uninstaller leaves it alone.
