// Components render through react-i18next: initialise it (English, Node has no navigator language).
import '../src/i18n';
