/** Well-formed (random, unused) keys for test fleets. None of them protects anything. */

/** WireGuard public keys (`wg pubkey` shape). */
export const WG = {
  gateway: "j/S526ICQLcywIY5qOy/n8KaeyllH2KzsjE7/5p3TaY=",
  nas: "G4OhK/94jhDQ56EM4iJC9B0pcxVKLD3HiNQXKFIYMJw=",
  compute: "+UETASwrZSeym+wEsxoCldCipgrhJYRAmZzQipTS8KA=",
  laptop: "uF/V454bzyU0CNxezxrqBvIA6NaCN6B923OB8VcxQbM=",
  phone: "1fuf+0ltDGjwkLgLvZXkMRAOMUyAkhMb+etWgkNE2hw=",
  /** Shaped like a private key given where a key file belongs. */
  inlinePrivate: "cdHdEvGiQcKAd1UPtisNOugWXNgYDOW6bv98eB6gmHU=",
} as const;

/** age public keys. */
export const AGE = {
  admin: "age1q0t56q4myc6y4nepw736h5c4c749vkrchpp5p0r7t25dx4e32s7j35yxhe",
  gateway: "age1ldqf83ya2lujk6avltne99pz4ae875d7hvalv3xt75hs4g2ryg39uk9trc",
  nas: "age1nvq2zakx4zzzc0hfwzvy36g9u3x5852xuxfupv2y0a52zydll9dx5mw3s2",
  compute: "age138e8h0md5rmwcv6j3p8aenmqewnsxr7ygpnme9fta3368g0utygu33vhtj",
  admin2: "age1hn4h6cf7ezqu2a70xm0gpszerapxjd095zql3uhtwdjsjlwdhgp3fk3nr2",
} as const;

/** An SSH public key line. */
export const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI6gtaRXyD4WAgiKc+dJcWCQShIeaG2Ied deploy@laptop";
