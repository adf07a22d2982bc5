/** Person fields as stored: NFC, single spaces, lower-case e-mail. */
function nfc(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function personFields(dto: {
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
}) {
  return {
    title: nfc(dto.title),
    firstName: nfc(dto.firstName),
    lastName: nfc(dto.lastName),
    position: nfc(dto.position),
    email: dto.email.trim().toLowerCase(),
  };
}

const TITLES = ['นางสาว', 'นาง', 'นาย', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ดร.'];
/** "นางสาวสุดา ตรวจดี" → ["นางสาว", "สุดา", "ตรวจดี"]; the title is optional. */
export function splitFullName(fullName: string): [string, string, string] {
  let rest = nfc(fullName);
  const title = TITLES.find((t) => rest.startsWith(t)) ?? '';
  rest = rest.slice(title.length).trim();
  const [first, ...others] = rest.split(' ');
  return [title, first ?? rest, others.join(' ') || '-'];
}
