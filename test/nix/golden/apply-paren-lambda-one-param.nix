{
  peers = map (peer: {
    publicKey = peer.key;
    allowedIPs = [ peer.ip ];
  });
}
