export { docxFaultMessage, readWordDocument, type DocxFault } from './word-document.js';
