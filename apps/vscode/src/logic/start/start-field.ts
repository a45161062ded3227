/** One question of the guided start, named after the Action input it mirrors (apps/action/action.yml). */
export interface StartField {
  input: string;
  prompt: string;
  placeholder: string;
  required: boolean;
  /** Prefilled value; also used when the answer is left empty. */
  defaultValue?: string;
  /** A problem with the answer (shown under the input box while typing), or undefined when it is acceptable. */
  check(answer: string): string | undefined;
}

export const required = (what: string) => (answer: string) => (answer.trim() === '' ? `${what} is required` : undefined);
export const optional = () => undefined;

export function integerCheck(min: number, max: number, hint: string) {
  return (answer: string): string | undefined => {
    const text = answer.trim();
    if (text === '') return undefined;
    const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
    return Number.isSafeInteger(value) && value >= min && value <= max ? undefined : `must be ${hint}`;
  };
}

export function jsonObjectCheck(what: string, isRequired: boolean) {
  return (answer: string): string | undefined => {
    if (answer.trim() === '') return isRequired ? `${what} is required (a JSON object)` : undefined;
    try {
      const value: unknown = JSON.parse(answer);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `${what} must be a JSON object ({…})`;
    } catch (error) {
      return `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
}
