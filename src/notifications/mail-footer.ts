import type { HelpdeskConfig } from '../config/app-config';
import { escapeHtml } from './templates/layout';

/** The help lines every mail ends with (a mail may land in junk, or a link may have expired). */
export function helpLines(helpdesk: HelpdeskConfig): string[] {
  const lines = ['หากมีปัญหาการใช้งาน (Need help?)'];
  if (helpdesk.phone) lines.push(`โทร ${helpdesk.phone}`);
  if (helpdesk.line) lines.push(`LINE OpenChat: ${helpdesk.line}`);
  if (helpdesk.manualUrl) lines.push(`คู่มือการใช้งาน: ${helpdesk.manualUrl}`);
  if (lines.length === 1) lines.push('ติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดของท่าน');
  return lines;
}

export function withHelpFooter(
  content: { text: string; html?: string | null },
  helpdesk: HelpdeskConfig,
): { text: string; html: string | null } {
  const lines = helpLines(helpdesk);
  const text = `${content.text.trimEnd()}\n\n--\n${lines.join('\n')}\n`;
  if (!content.html) return { text, html: null };
  const block = `<p style="color:#666;font-size:90%">${lines.map(escapeHtml).join('<br>')}</p>`;
  const html = content.html.includes('</body>')
    ? content.html.replace('</body>', `${block}</body>`)
    : `${content.html}${block}`;
  return { text, html };
}
