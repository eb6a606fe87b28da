import {
  workshopSheets,
  type Locale,
  type SheetCell,
  type WallClock,
  type WorkshopExport,
} from '@samskapa/shared';
import ExcelJS from 'exceljs';

/**
 * The workbook export as an XLSX file, written with exceljs from the sheets `workshopSheets` decides:
 * Excel and LibreOffice open it directly, whatever their list separator. Cells are plain strings, numbers
 * and dates; nothing is ever a formula.
 */

/** Dates with hours and minutes; ISO order, which a Swedish Excel also shows. */
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** A wall-clock time as the Date exceljs turns into an Excel serial (which it reads as UTC). */
const asDate = (c: WallClock) => new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));

const cellValue = (cell: SheetCell): ExcelJS.CellValue =>
  cell === null ? null : typeof cell === 'object' ? asDate(cell) : cell;

/** The workshop as an XLSX workbook in `locale`. */
export async function workshopXlsx(data: WorkshopExport, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const exportedAt = new Date(data.exportedAt);
  book.creator = 'Samskapa';
  book.lastModifiedBy = 'Samskapa';
  book.title = data.workshop.title;
  book.created = exportedAt;
  book.modified = exportedAt;

  for (const sheet of workshopSheets(data, locale)) {
    const header = sheet.caption.length === 0 ? 1 : sheet.caption.length + 2;
    const ws = book.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: header }],
    });
    sheet.caption.forEach((line, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = line;
      if (i === 0) cell.font = { bold: true, size: 14 };
    });
    sheet.columns.forEach((column, i) => {
      const col = ws.getColumn(i + 1);
      col.width = column.width;
      if (column.kind === 'dateTime') col.numFmt = DATE_TIME_FORMAT;
      if (column.kind === 'longText') col.alignment = { wrapText: true, vertical: 'top' };
    });
    const headerRow = ws.getRow(header);
    headerRow.values = sheet.columns.map((c) => c.header);
    headerRow.font = { bold: true };
    headerRow.alignment = { wrapText: false, vertical: 'bottom' };
    sheet.rows.forEach((cells, r) => {
      ws.getRow(header + 1 + r).values = cells.map(cellValue);
    });
    if (sheet.rows.length > 0) {
      ws.autoFilter = {
        from: { row: header, column: 1 },
        to: { row: header + sheet.rows.length, column: sheet.columns.length },
      };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
