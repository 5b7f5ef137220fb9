import { describe, expect, it } from 'vitest';
import { fieldSimilarity } from './high-tech-fields';
import { ipcSimilarity, parseIpc } from './ipc';

describe('IPC hierarchy', () => {
  it('parses every level', () => {
    expect(parseIpc('H01M 4/58')?.map((p) => p.code)).toEqual(['H', 'H01', 'H01M', 'H01M 4', 'H01M 4/58']);
    expect(parseIpc('c08f')?.map((p) => p.level)).toEqual(['section', 'class', 'subclass']);
    expect(parseIpc('not a code')).toBeUndefined();
  });

  it('credits the deepest shared prefix', () => {
    expect(ipcSimilarity(['H01M 4/58'], ['H01M 8/10'])?.shared?.code).toBe('H01M');
    expect(ipcSimilarity(['H01M 4/58'], ['H01L'])?.shared?.code).toBe('H01');
    expect(ipcSimilarity(['H01M 4/58'], ['H01M 4/58'])?.score).toBe(1);
    expect(ipcSimilarity(['A61N'], ['H01M'])?.score).toBe(0);
    expect(ipcSimilarity([], ['H01M'])).toBeUndefined();
  });
});

describe('high-tech fields', () => {
  it('scores a shared sub-field above a shared field', () => {
    expect(fieldSimilarity(['4.1'], ['4.1'])).toEqual({ score: 1, shared: '4.1' });
    expect(fieldSimilarity(['4.1'], ['4.3'])).toEqual({ score: 0.6, shared: '4' });
    expect(fieldSimilarity(['4.1'], ['6.2'])).toEqual({ score: 0 });
    expect(fieldSimilarity([], ['6.2'])).toBeUndefined();
  });
});
