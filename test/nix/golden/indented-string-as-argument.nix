[
  (mkRemovedOptionModule [ "services" "old" ] ''
    Use services.new instead.
    See the manual.
  '')
]
