[
  (toString 1)
  (-5)
  (-0.5)
  (x: x)
  ([ 1 ] ++ [ 2 ])
  (!enable)
]
