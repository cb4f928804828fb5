/**
 * OpenSSH with hardened defaults (`services.openssh`): keys only, no keyboard-interactive
 * prompts, no root login. Each default can be relaxed explicitly.
 */
import { z } from "zod";
import { oneOf, port } from "../../dsl/checks.ts";
import { openFirewall, refuseTypedKeys, singleLine } from "../../dsl/services/common.ts";

/** `PermitRootLogin` values NixOS accepts. */
export const PERMIT_ROOT_LOGIN = ["no", "prohibit-password", "forced-commands-only", "without-password", "yes"] as const;

/** An sshd_config keyword, e.g. `"ClientAliveInterval"`. */
const sshdKeyword = z.string().regex(/^[A-Z][A-Za-z0-9]+$/, { error: 'must be an sshd_config keyword such as "ClientAliveInterval"' });

/** OpenSSH server. Opens its ports (TCP 22 by default). */
export const opensshSchema = z.strictObject({
  /** Ports sshd listens on. Default: `[22]`. */
  ports: z.array(port).min(1).default([22]),
  /** `PasswordAuthentication`: allow password logins. Default: `false` (keys only). */
  passwordAuthentication: z.boolean().default(false),
  /** `KbdInteractiveAuthentication`: allow challenge-response prompts. Default: `false`. */
  kbdInteractiveAuthentication: z.boolean().default(false),
  /**
   * `PermitRootLogin`. Default: `"no"`. `"prohibit-password"` allows root with a key (for tools that
   * deploy as root).
   */
  permitRootLogin: oneOf(PERMIT_ROOT_LOGIN).default("no"),
  /**
   * Other sshd settings by keyword (`services.openssh.settings`), e.g.
   * `{ ClientAliveInterval: 300, AllowUsers: ["deploy"] }`.
   */
  settings: z
    .record(sshdKeyword, z.union([singleLine, z.number().int(), z.boolean(), z.array(singleLine)]))
    .default({})
    .superRefine(
      refuseTypedKeys(
        new Map([
          ["PasswordAuthentication", "passwordAuthentication"],
          ["KbdInteractiveAuthentication", "kbdInteractiveAuthentication"],
          ["PermitRootLogin", "permitRootLogin"],
          ["Port", "ports"],
        ]),
      ),
    ),
  /** Open the ports. Default: `true`. */
  openFirewall,
});

/** What `openssh({ … })` takes. */
export type OpensshInput = z.input<typeof opensshSchema>;
/** A validated OpenSSH configuration. */
export type OpensshConfig = z.output<typeof opensshSchema>;
