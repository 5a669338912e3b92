/**
 * The chapeau: the organ's name on its own line ("大会，", "The General Assembly,"), after the title
 * and before the first PP. It anchors the structure: what precedes it is the masthead/title, what
 * follows is the resolution proper.
 */
const ORGANS = [
  '大会', '安全理事会', '人权理事会', '经济及社会理事会', '缔约方大会', '缔约国会议',
  'The General Assembly', 'The Security Council', 'The Human Rights Council', 'The Economic and Social Council',
  'The Conference of the Parties', 'The Conference of the States Parties', 'The Commission', 'The Council',
  'The Committee', 'The Assembly', 'L[\'’]Assemblée générale', 'Le Conseil de sécurité', 'Le Conseil des droits de l[\'’]homme',
  'Le Conseil économique et social', 'La Asamblea General', 'El Consejo de Seguridad', 'El Consejo de Derechos Humanos',
  'El Consejo Económico y Social', 'Генеральная Ассамблея', 'Совет Безопасности', 'Совет по правам человека',
  'Экономический и Социальный Совет', 'إن الجمعية العامة', 'الجمعية العامة', 'إن مجلس الأمن', 'إن مجلس حقوق الإنسان',
];
const CHAPEAU = new RegExp(`^(?:${ORGANS.join('|')})\\s*[，,،:：]?$`, 'u');

export function isChapeau(text: string): boolean {
  return CHAPEAU.test(text.trim());
}
