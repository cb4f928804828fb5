let
in
null
