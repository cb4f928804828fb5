# Line one
# Line two with trailing spaces
#

{ a = 1; }
