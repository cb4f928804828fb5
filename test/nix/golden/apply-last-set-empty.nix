{ json = pkgs.formats.json { }; }
