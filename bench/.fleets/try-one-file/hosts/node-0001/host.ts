import { hosts } from "../../fleet-hosts.ts";

export default hosts.get("node-0001");
