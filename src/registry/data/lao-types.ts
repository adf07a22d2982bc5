import { LAO_TYPES, type LaoType } from '../entities/lao.entity';

/** Thai name, usual abbreviation and English name of each LAO type (for CSV and screens). */
export const LAO_TYPE_LABELS: Readonly<Record<LaoType, { th: string; abbr: string; en: string }>> = {
  pao: { th: 'องค์การบริหารส่วนจังหวัด', abbr: 'อบจ.', en: 'Provincial Administrative Organization' },
  city_municipality: { th: 'เทศบาลนคร', abbr: 'ทน.', en: 'City municipality' },
  town_municipality: { th: 'เทศบาลเมือง', abbr: 'ทม.', en: 'Town municipality' },
  subdistrict_municipality: { th: 'เทศบาลตำบล', abbr: 'ทต.', en: 'Subdistrict municipality' },
  sao: { th: 'องค์การบริหารส่วนตำบล', abbr: 'อบต.', en: 'Subdistrict Administrative Organization' },
  pattaya: { th: 'เมืองพัทยา', abbr: 'พัทยา', en: 'Pattaya City' },
};

/** Every spelling a registry file may use for a type: the key, the Thai name, the abbreviation with or without dots. */
const SPELLINGS = new Map<string, LaoType>();
for (const type of LAO_TYPES) {
  const { th, abbr, en } = LAO_TYPE_LABELS[type];
  for (const spelling of [type, th, abbr, abbr.replace(/\./g, ''), en])
    SPELLINGS.set(spellingKey(spelling), type);
}

function spellingKey(value: string): string {
  return value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `sao`, `อบต.`, `อบต` and `องค์การบริหารส่วนตำบล` all mean the same type; anything else is unknown. */
export function parseLaoType(value: string): LaoType | null {
  return SPELLINGS.get(spellingKey(value)) ?? null;
}
