/**
 * The `services` section of a host or module: one typed builder per service. A builder returns
 * its argument unchanged; it exists so the editor checks and documents the object where it is
 * written: `services: { samba: samba({ shares: { … } }) }`.
 */
import { z } from "zod";
import { dockerSchema, type DockerInput } from "../../services/docker/schema.ts";
import { nfsMountsSchema, type NfsMountsInput } from "../../services/nfs-mounts/schema.ts";
import { nfsSchema, type NfsInput } from "../../services/nfs/schema.ts";
import { nginxSchema, type NginxInput } from "../../services/nginx/schema.ts";
import { nodeExporterSchema, type NodeExporterInput } from "../../services/node-exporter/schema.ts";
import { opensshSchema, type OpensshInput } from "../../services/openssh/schema.ts";
import { sambaSchema, type SambaInput } from "../../services/samba/schema.ts";
import { wireguardSchema, type WireguardInput } from "../../services/wireguard/schema.ts";

/** Services a host or module runs; each key is one typed service. */
export const servicesSchema = z.strictObject({
  /** Samba file shares; opens TCP 445 and 139. */
  samba: sambaSchema.optional(),
  /** The NFS server and its exports; opens TCP 2049. */
  nfs: nfsSchema.optional(),
  /** NFS exports of other fleet hosts mounted here, by mount point. */
  nfsMounts: nfsMountsSchema.optional(),
  /** WireGuard interfaces by name; opens each `listenPort` (UDP). */
  wireguard: wireguardSchema.optional(),
  /** nginx web server and reverse proxy; opens TCP 80 and 443. */
  nginx: nginxSchema.optional(),
  /** OpenSSH server with hardened defaults; opens its ports (TCP 22). */
  openssh: opensshSchema.optional(),
  /** Prometheus node exporter on TCP 9100; its port is opened only with `openFirewall`. */
  nodeExporter: nodeExporterSchema.optional(),
  /** Docker daemon and the users allowed to use it. */
  docker: dockerSchema.optional(),
});

export type ServicesInput = z.input<typeof servicesSchema>;
export type Services = z.output<typeof servicesSchema>;

/** Samba file shares: `samba({ global: { security: "user" }, shares: { media: { path: "/tank/media" } } })`. */
export const samba = (config: SambaInput): SambaInput => config;
/** The NFS server: `nfs({ exports: [{ path: "/tank/media", clients: [{ host: "10.0.20.0/24", options: ["rw"] }] }] })`. */
export const nfs = (config: NfsInput): NfsInput => config;
/** NFS mounts: `nfsMounts({ "/mnt/media": { host: host("nas"), export: "/tank/media" } })`. */
export const nfsMounts = (config: NfsMountsInput): NfsMountsInput => config;
/** WireGuard interfaces: `wireguard({ wg0: { ips: ["10.100.0.2/24"], privateKey: secret("wireguard-key"), join: { host: "gateway" } } })`. */
export const wireguard = (config: WireguardInput): WireguardInput => config;
/** nginx: `nginx({ virtualHosts: { "grafana.lab.local": { locations: { "/": { proxyPass: host("compute").port(3000) } } } } })`. */
export const nginx = (config: NginxInput): NginxInput => config;
/** Hardened OpenSSH: `openssh({})` (keys only, no root login). */
export const openssh = (config: OpensshInput = {}): OpensshInput => config;
/** Prometheus node exporter: `nodeExporter({ enabledCollectors: ["systemd"] })`. */
export const nodeExporter = (config: NodeExporterInput = {}): NodeExporterInput => config;
/** Docker host: `docker({ autoPrune: {}, users: ["deploy"] })`. */
export const docker = (config: DockerInput = {}): DockerInput => config;

export type {
  DockerInput,
  NfsInput,
  NfsMountsInput,
  NginxInput,
  NodeExporterInput,
  OpensshInput,
  SambaInput,
  WireguardInput,
};
