export {
  MAX_SHEET_BYTES,
  MAX_SHEET_ROWS,
  openRoleSheet,
  readRoleSheet,
  type RoleSheetOptions,
} from './role-sheet.js';
