/** The publisher every ORIS PDF names (certificates, reports, practice sheets), in its languages. */
export const ORIS_NAME_FR = "Observatoire Régional de l'Innovation Sociale";
export const ORIS_NAME_AR = 'المرصد الجهوي للابتكار الاجتماعي';
