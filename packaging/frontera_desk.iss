; Inno Setup script: the Windows installer of Frontera Desk, made from the one-folder build.
;
;   python packaging\build.py               (makes dist\frontera-desk\ and dist\version.iss)
;   iscc packaging\frontera_desk.iss        (makes dist\FronteraDesk-<version>-setup.exe)
;
; The program goes to Program Files (or the user's programs folder without administrator
; rights). The data — database, key file, backups, logs — live in the user's data folder
; (%LOCALAPPDATA%\FronteraDesk, chosen by platformdirs), which this installer never writes,
; replaces or deletes: an upgrade or an uninstall keeps every record and backup.

#include "..\dist\version.iss"
#ifndef AppVersion
  #error dist\version.iss is missing: run python packaging\build.py first
#endif
#ifndef Compression
  ; ISCC /DCompression=none: a quick installer for tests
  #define Compression "lzma2"
#endif

[Setup]
; The AppId never changes: it is how a new version finds and upgrades the old one.
AppId={{6F3B8C52-4E1D-4A8B-9C3E-2D7A5B1F0E94}
AppName=Frontera Desk
AppVersion={#AppVersion}
AppVerName=Frontera Desk {#AppVersion}
AppPublisher=Frontera Desk
DefaultDirName={autopf}\Frontera Desk
DefaultGroupName=Frontera Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=FronteraDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\frontera-desk.ico
UninstallDisplayIcon={app}\frontera-desk.exe
LicenseFile=..\resources\LICENSE
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\frontera-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Frontera Desk"; Filename: "{app}\frontera-desk.exe"
Name: "{autoprograms}\Frontera Desk (demostración)"; Filename: "{app}\frontera-desk.exe"; Parameters: "--demo"
Name: "{autodesktop}\Frontera Desk"; Filename: "{app}\frontera-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\frontera-desk.exe"; Description: "{cm:LaunchProgram,Frontera Desk}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller removes the program only; it says where the data stayed (not in silent mode).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    SuppressibleMsgBox('Frontera Desk se desinstaló. Sus datos y respaldos se conservan en ' +
      ExpandConstant('{localappdata}') + '\FronteraDesk' + #13#10 +
      'Bórrelos usted mismo solo si ya no los necesita (o si ya tiene un respaldo).',
      mbInformation, MB_OK, IDOK);
end;
