import type { ParamSpec } from './runlog';

/**
 * Parameter specs of the docs on this page, registered by the doc panel as
 * it renders, read by the steps' copy buttons.
 */
const registry = new Map<string, Map<string, ParamSpec>>();

export function registerParamSpecs(doc: string, specs: readonly ParamSpec[]): void {
  registry.set(doc, new Map(specs.map((s) => [s.name, s])));
}

export function paramSpecsOf(doc: string): ReadonlyMap<string, ParamSpec> {
  return registry.get(doc) ?? new Map();
}
