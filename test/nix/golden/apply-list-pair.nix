[
  (lib.mkRenamedOptionModule [ "boot" "extraTTYs" ] [ "console" "extraTTYs" ])
  (mkRenamedOptionModule
    [ "services" "xserver" "displayManager" "sddm" "enable" ]
    [ "services" "displayManager" "sddm" "enable" ]
  )
]
