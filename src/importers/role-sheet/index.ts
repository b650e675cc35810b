export { openRoleSheet, type RoleSheetOptions } from './role-sheet.js';
