/**
 * National procedure records imported by the auditor (JSON files in the national database's
 * shape, one record or an array per file), parsed here at the boundary; the comparison itself is
 * `compareWithRecord` of shared/report. Limits: files only (no URL source yet); unknown fields
 * are ignored, a file with any record that does not parse is refused whole.
 */
import * as z from 'zod/mini';
import type { NationalRecord } from '../../shared/report';

const text = z.optional(z.string().check(z.maxLength(200_000)));
export const NationalRecordSchema = z.object({
  ma_thu_tuc: z.string().check(z.minLength(1), z.maxLength(50)),
  ten_thu_tuc: text,
  doi_tuong_thuc_hien: text,
  trinh_tu_thuc_hien: text,
  cach_thuc_thuc_hien: text,
  thanh_phan_ho_so: text,
  can_cu_phap_ly: text,
  co_quan_thuc_hien: text,
  yeu_cau_dieu_kien: text,
  ket_qua_xu_ly: text,
});

const FileSchema = z.union([NationalRecordSchema, z.array(NationalRecordSchema).check(z.maxLength(10_000))]);

/** The records in one file's text, or null when it is not a national record file. */
export function parseRecordFile(content: string): NationalRecord[] | null {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return null;
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) return null;
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}
