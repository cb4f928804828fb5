{ pkg = self.packages.${system}.default; }
