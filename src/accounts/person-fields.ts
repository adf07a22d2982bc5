import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common-errors';
import { normalizeThaiText } from '../registry/text/thai-name';

/**
 * Person fields as stored: NFC, split SARA AM repaired, no zero-width characters, single spaces,
 * lower-case e-mail; so a name matches its appointment order's text and sorts with its spellings.
 */
const clean = normalizeThaiText;

/** A name of only spaces or zero-width characters passes the DTO's length check but is blank. */
function required(field: string, value: string): string {
  const cleaned = clean(value);
  if (cleaned) return cleaned;
  const base = CommonErrors.VALIDATION_FAILED({ fields: [{ field, constraints: ['isNotBlank'] }] });
  const messages = { th: `${base.messages.th}: ${field}`, en: `${base.messages.en}: ${field}` };
  throw new AppError(base.code, base.status, messages, base.details);
}

export function personFields(dto: {
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
}) {
  return {
    title: clean(dto.title), // may be blank: officers' full names need no title
    firstName: required('firstName', dto.firstName),
    lastName: required('lastName', dto.lastName),
    position: required('position', dto.position),
    email: dto.email.trim().toLowerCase(),
  };
}

const TITLES = ['นางสาว', 'นาง', 'นาย', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ดร.'];
/** "นางสาวสุดา ตรวจดี" → ["นางสาว", "สุดา", "ตรวจดี"]; the title is optional. */
export function splitFullName(fullName: string): [string, string, string] {
  let rest = clean(fullName);
  const title = TITLES.find((t) => rest.startsWith(t)) ?? '';
  rest = rest.slice(title.length).trim();
  const [first, ...others] = rest.split(' ');
  return [title, first ?? rest, others.join(' ') || '-'];
}
