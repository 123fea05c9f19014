// Who an «Ответственный» cell names: «Мои задачи» and the per-organisation counts rely on it.
import { namesOrganisation, namesPerson } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

describe('namesPerson', () => {
  it.each([
    ['Соколова Е.В.', 'Соколова Елена Викторовна, методист', true],
    ['Е. В. Соколова, МОУ ГЦРО', 'Елена Викторовна Соколова (методист МОУ ГЦРО)', true],
    ['Соколова', 'Соколова Елена Викторовна', true],
    ['Соколова Елена Викторовна', 'Елена Викторовна Соколова', true],
    ['Соколова А.Н.', 'Соколова Елена Викторовна', false],
    ['Соколовская Е.В.', 'Соколова Елена Викторовна', false],
    ['МДОУ № 8', 'Соколова Елена Викторовна', false],
    ['Соколова Е.В.', '', false],
  ])('%s names %s: %s', (cell, person, expected) => {
    expect(namesPerson(cell, person)).toBe(expected);
  });
});

describe('namesOrganisation', () => {
  it.each([
    ['МДОУ № 8, МДОУ № 12', 'МДОУ № 8', true],
    ['мдоу №8', 'МДОУ № 8', true],
    ['МДОУ № 81', 'МДОУ № 8', false],
    ['МДОУ № 12', 'МДОУ № 8', false],
    ['МОУ ГЦРО', 'МОУ «Городской центр развития образования» (ГЦРО)', true],
    ['ГТГ, ГЦРО', 'МОУ «Городской центр развития образования» (ГЦРО)', true],
    ['ЯГПУ', 'ЯГПУ им. К. Д. Ушинского', true],
    ['ЯГПУ им. К.Д. Ушинского', 'ЯГПУ им. К. Д. Ушинского', true],
    ['Департамент образования мэрии города Ярославля', 'Департамент образования мэрии города Ярославля', true],
    // The beginning of the full name, two words at least; one word is too little to tell.
    ['Департамент образования', 'Департамент образования мэрии города Ярославля', true],
    ['Департамент', 'Департамент образования мэрии города Ярославля', false],
    ['Департамент образования, МОУ ГЦРО', 'Департамент образования мэрии города Ярославля', false],
    // «Детский сад № 8» is how plans write a kindergarten the workspace lists as «МДОУ № 8».
    ['МДОУ «Детский сад № 8»', 'МДОУ № 8', true],
    ['МДОУ «Детский сад № 81»', 'МДОУ № 8', false],
  ])('%s names %s: %s', (cell, organisation, expected) => {
    expect(namesOrganisation(cell, organisation)).toBe(expected);
  });
});
