/**
 * National procedure records imported by the auditor (JSON files in the national database's
 * shape, one record or an array per file, or fetched from the source in the options), parsed here
 * at the boundary; the comparison itself is `compareWithRecord` of shared/report. Imported records
 * are kept in storage.local (key `national`, versioned: extension/storage/keys.ts) by procedure
 * code, so a comparison works after the panel is closed and opened again; a newer import of a code
 * replaces the older one. Size-aware: at most NATIONAL_LIMIT_BYTES of records are kept (the
 * records loaded longest ago go first, and the auditor is told): the panel reads them all each time
 * it opens, and without unlimitedStorage (asked only for the batch audit) storage.local holds
 * 10 MB in all, which the history needs too. Limits: unknown fields are ignored; a file with any
 * record that does not parse is refused whole; a stored record that does not parse is kept but not used.
 */
import * as z from 'zod/mini';
import type { NationalRecord } from '../../shared/report';
import { NATIONAL_KEY, localArea } from '../storage/keys';
import { readKey, writeKey } from '../storage/versioned';

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

/** The most record JSON kept on this computer (UTF-8 bytes): 2 MB, a fifth of a 10 MB storage.local. */
export const NATIONAL_LIMIT_BYTES = 2 * 1024 * 1024;

/** One kept record: the record, when it was imported and from where. */
export interface KeptRecord {
  record: NationalRecord;
  savedAt: string;
  source: 'file' | 'url';
}

const KeptSchema = z.object({
  record: NationalRecordSchema,
  savedAt: z.string().check(z.maxLength(40)),
  source: z.enum(['file', 'url']),
});

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;
const savedAtOf = (value: unknown): string => {
  const at = typeof value === 'object' && value !== null ? (value as { savedAt?: unknown }).savedAt : undefined;
  return typeof at === 'string' ? at : '';
};

async function storedMap(): Promise<Record<string, unknown>> {
  const { value } = await readKey(localArea(), NATIONAL_KEY);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/** What is kept: the records that parse, and how much room they take. */
export interface KeptState {
  records: NationalRecord[];
  count: number;
  bytes: number;
}

export async function loadKeptRecords(): Promise<KeptState> {
  const map = await storedMap();
  const records = Object.values(map).flatMap((entry) => {
    const parsed = KeptSchema.safeParse(entry);
    return parsed.success ? [parsed.data.record] : [];
  });
  return { records, count: Object.keys(map).length, bytes: bytes(map) };
}

/**
 * Keeps `records` by code (replacing an older import of the same code), then drops the records
 * imported longest ago until the total fits NATIONAL_LIMIT_BYTES. Returns what is kept and how
 * many were dropped; a record that alone exceeds the limit is not kept (`tooBig`).
 */
export async function keepRecords(
  records: readonly NationalRecord[],
  source: 'file' | 'url',
  now = new Date().toISOString(),
): Promise<KeptState & { evicted: number; tooBig: number }> {
  const map = await storedMap();
  let tooBig = 0;
  for (const record of records) {
    const entry: KeptRecord = { record, savedAt: now, source };
    if (bytes({ [record.ma_thu_tuc]: entry }) > NATIONAL_LIMIT_BYTES) tooBig++;
    else map[record.ma_thu_tuc] = entry;
  }
  const oldestFirst = Object.keys(map).sort((a, b) => savedAtOf(map[a]).localeCompare(savedAtOf(map[b])));
  let evicted = 0;
  let size = bytes(map);
  for (const code of oldestFirst) {
    if (size <= NATIONAL_LIMIT_BYTES) break;
    size -= bytes({ [code]: map[code] }) - 1; // its "code":{…} and a comma leave the map
    delete map[code];
    evicted++;
  }
  await writeKey(localArea(), NATIONAL_KEY, map);
  return { ...(await loadKeptRecords()), evicted, tooBig };
}

/** Forgets every kept record. */
export async function clearKeptRecords(): Promise<void> {
  await writeKey(localArea(), NATIONAL_KEY, {});
}
