import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/api/contract';
import { apiMethodNames } from '../../shared/api/method-names';

describe('apiMethodNames', () => {
  it("lists exactly the contract's methods, each once", () => {
    expect([...apiMethodNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(apiMethodNames).size).toBe(apiMethodNames.length);
    expect(new Set(apiMethodNames)).toEqual(new Set(methodNames));
  });
});
