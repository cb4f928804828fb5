/**
 * The service registry and the public `servicesSchema` describe the same services: each field of
 * the schema has one definition, under its own key, with the very schema the field wraps.
 */
import { describe, expect, it } from "vitest";
import { servicesSchema } from "../../dsl/services/index.ts";
import { SERVICES } from "../../services/registry.ts";

describe("the service registry", () => {
  it("has one definition per field of servicesSchema, in its order, with that field's schema", () => {
    expect(Object.keys(SERVICES)).toEqual(Object.keys(servicesSchema.shape));
    for (const [key, definition] of Object.entries(SERVICES)) {
      expect(definition.key).toBe(key);
      expect(servicesSchema.shape[key as keyof typeof SERVICES].unwrap()).toBe(definition.schema);
    }
  });
});
