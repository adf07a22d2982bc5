import { CHANGE_CHAINS, chainOf } from '../../src/audit/audit.service';

describe('audit chain of an entry', () => {
  it('keeps sign-ins and reads in their own chains', () => {
    expect(chainOf('auth.login.failed', 'x')).toBe('auth');
    expect(chainOf('access.denied')).toBe('access');
    expect(chainOf('read.grant', 'x')).toBe('access');
  });

  it('puts every change of one subject in the same changes chain, and spreads subjects', () => {
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const id of ids) {
      expect(chainOf('workflow.order.verify', id)).toBe(chainOf('workflow.order.upload', id));
      expect(chainOf('workflow.order.verify', id)).toMatch(/^changes\.\d+$/);
    }
    expect(new Set(ids.map((id) => chainOf('workflow.order.verify', id))).size).toBe(CHANGE_CHAINS);
    expect(chainOf('registry.import')).toBe('changes');
  });
});
