let
  x = "v";
in
[
  "\$${x}"
  "cost: $\$${x}$"
]
