{
  services.nfs.server.exports = ''
    /tank/media 10.0.20.0/24(rw,sync,no_subtree_check)
    /tank/backups 10.0.20.0/24(rw)
  '';
}
