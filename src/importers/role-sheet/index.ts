export {
  MAX_SHEET_BYTES,
  openRoleSheet,
  readRoleSheet,
  type RoleSheetOptions,
} from './role-sheet.js';
