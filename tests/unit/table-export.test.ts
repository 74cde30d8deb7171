import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportTable,
  tableCsv,
  tableXlsx,
  type TableColumn,
} from '../../electron/services/table-export';

interface Item {
  code: string;
  text: string;
}

const columns: TableColumn<Item>[] = [
  { header: 'Code', width: 8, value: (r) => r.code },
  { header: 'Text, long', width: 40, value: (r) => r.text },
];

/** 2,001 rows: the CSV is written 1,000 rows at a time, so this crosses two batch boundaries. */
const items: Item[] = Array.from({ length: 2001 }, (_, i) => ({
  code: String(i).padStart(4, '0'),
  text: i === 1000 ? '=SUM(A1)\nsecond "line"' : `row ${i}`,
}));

describe('a register exported as a table', () => {
  it('writes one RFC 4180 CSV across batches: quoted where needed, formulas defused, CRLF', () => {
    const csv = tableCsv(columns, items);
    const lines = [
      'Code,"Text, long"',
      ...items.map((item, i) =>
        i === 1000 ? `1000,"'=SUM(A1)\nsecond ""line"""` : `${item.code},${item.text}`,
      ),
    ];
    expect(csv).toBe(`${lines.join('\r\n')}\r\n`);
    expect(tableCsv(columns, [])).toBe('Code,"Text, long"\r\n');
  });

  it('starts the CSV with a byte-order mark only when asked', () => {
    const plain = tableCsv(columns, items.slice(0, 2));
    expect(plain.startsWith('Code')).toBe(true);
    expect(tableCsv(columns, items.slice(0, 2), { byteOrderMark: true })).toBe(`\uFEFF${plain}`);
  });

  it('writes an XLSX sheet with a bold frozen header, the widths, and every cell as text', async () => {
    const bytes = await tableXlsx(columns, items.slice(0, 3), {
      sheetName: 'Items',
      today: '2026-05-01',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Items');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Code', 'Text, long']);
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.columns.map((c) => c.width)).toEqual([8, 40]);
    // '0002' stays text: a leading zero is kept, never read as the number 2.
    expect(sheet?.getRow(4).values).toEqual([undefined, '0002', 'row 2']);
    expect(workbook.created.toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('names the file by format and carries its bytes in base64', async () => {
    const table = { columns, rows: items.slice(0, 1), baseName: 'items-2026-05-01' };
    const csv = await exportTable('csv', { ...table, sheetName: 'Items', today: '2026-05-01' });
    expect(csv).toEqual({
      fileName: 'items-2026-05-01.csv',
      mediaType: 'text/csv; charset=utf-8',
      data: Buffer.from('Code,"Text, long"\r\n0000,row 0\r\n').toString('base64'),
    });
    const xlsx = await exportTable('xlsx', { ...table, sheetName: 'Items', today: '2026-05-01' });
    expect(xlsx.fileName).toBe('items-2026-05-01.xlsx');
    expect(xlsx.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    // An XLSX file is a zip archive.
    expect(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
