import { createBoardBody, createOrganisationBody, MIN_PASSWORD_LENGTH, signupBody, updateBoardBody } from '@soplan/shared';
import { describe, expect, it } from 'vitest';

describe('API body schemas', () => {
  it('requires passwords of at least 10 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(signupBody.safeParse({ email: 'a@b.ru', password: '123456789', name: 'А' }).success).toBe(false);
    expect(signupBody.safeParse({ email: 'a@b.ru', password: '1234567890', name: 'А' }).success).toBe(true);
  });

  it('normalises email case and surrounding spaces, trims names', () => {
    const parsed = signupBody.parse({ email: '  Metodist@GCRO.ru ', password: 'x'.repeat(12), name: '  Елена  ' });
    expect(parsed.email).toBe('metodist@gcro.ru');
    expect(parsed.name).toBe('Елена');
  });

  it('rejects invalid emails and blank names', () => {
    expect(signupBody.safeParse({ email: 'not-an-email', password: 'x'.repeat(12), name: 'А' }).success).toBe(false);
    expect(signupBody.safeParse({ email: 'a@b.ru', password: 'x'.repeat(12), name: '   ' }).success).toBe(false);
  });

  it('accepts the three board kinds only', () => {
    for (const kind of ['plan-graph', 'roadmap', 'programme']) expect(createBoardBody.safeParse({ kind, title: 'План' }).success).toBe(true);
    expect(createBoardBody.safeParse({ kind: 'kanban', title: 'План' }).success).toBe(false);
  });

  it('rejects an empty board patch and unknown keys', () => {
    expect(updateBoardBody.safeParse({}).success).toBe(false);
    expect(updateBoardBody.safeParse({ title: 'Новое', owner: 'x' }).success).toBe(false);
    expect(updateBoardBody.safeParse({ archived: true }).success).toBe(true);
  });

  it('defaults an organisation to kind "other" and not a partner', () => {
    expect(createOrganisationBody.parse({ name: 'ЯГПУ' })).toEqual({ name: 'ЯГПУ', kind: 'other', partner: false });
  });
});
