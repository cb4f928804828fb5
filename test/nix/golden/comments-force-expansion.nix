{
  set = {
    # why
    a = 1;
  };
  list = [
    # needed for the pool
    "zfs"
  ];
}
