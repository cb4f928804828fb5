import { hosts } from "../../fleet-hosts.ts";

export default hosts.get("hub");
