const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * A boolean Compose setting read from the environment, with the spellings Go's
 * `strconv.ParseBool` accepts (Compose parses them so). Undefined when the value is not one.
 */
export function parseComposeBool(value: string): boolean | undefined {
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return undefined;
}
