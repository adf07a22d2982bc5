import type { Division } from '../entities/division.entity';

export interface DivisionView {
  id: string;
  nameTh: string;
  nameEn: string | null;
  sortOrder: number;
  active: boolean;
}

export function presentDivision(division: Division): DivisionView {
  return {
    id: division.id,
    nameTh: division.nameTh,
    nameEn: division.nameEn ?? null,
    sortOrder: division.sortOrder,
    active: division.active,
  };
}
