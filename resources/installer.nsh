; Clocher — additions to electron-builder's NSIS installer (electron-builder.yml → nsis.include).
;
; Provisioning: support staff put clocher-provisioning.json BESIDE the installer (same folder, e.g. on the
; USB key or the network share); it is copied into the installation folder, where Clocher looks for it at
; first start (beside Clocher.exe: main/electron/cli.ts) to pre-fill the commune in the first-run wizard.
; Works in silent mode too:  Clocher-Setup-x.y.z.exe /S   (per-machine; add /D=C:\Chemin to choose the folder).
; $EXEDIR is the installer's own folder, also in the elevated instance that electron-builder relaunches.

!macro customInstall
  IfFileExists "$EXEDIR\clocher-provisioning.json" 0 clocher_no_provisioning
    CopyFiles /SILENT "$EXEDIR\clocher-provisioning.json" "$INSTDIR\clocher-provisioning.json"
    DetailPrint "Fichier de provisionnement copié : $INSTDIR\clocher-provisioning.json"
  clocher_no_provisioning:
!macroend
