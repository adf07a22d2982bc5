import type { Finding } from '../api/types';

// The server's own wording (one source of truth); only the data module is bundled, it imports types only.
import { FINDING_MESSAGES } from '../../../src/documents/inspection/finding-messages';

const FINDING_TEXT: Readonly<Record<string, { th: string }>> = FINDING_MESSAGES;

export function findingText(finding: Finding): string {
  return FINDING_TEXT[finding.code]?.th ?? finding.code;
}

export const SEVERITY = {
  error: { label: 'ผิดพลาด', color: 'error' },
  warn: { label: 'ควรตรวจ', color: 'warning' },
  info: { label: 'ข้อมูล', color: 'default' },
} as const;

/** Findings that a reviewer must look at (not just information). */
export const seriousFindings = (findings: Finding[]): Finding[] =>
  findings.filter((f) => f.severity !== 'info');
