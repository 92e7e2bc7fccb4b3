import type { Gender, Locale, Role } from '@oris/shared/domain';

/** Documented in the README; development only. */
export const DEMO_PASSWORD = 'oris-demo-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  fullName: string;
  fullNameAr: string;
  gender: Gender;
  birthYear: number;
  regionCode: string;
  locale: Locale;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'admin@oris.example',
    role: 'admin',
    fullName: 'Salma Bennani',
    fullNameAr: 'سلمى بناني',
    gender: 'female',
    birthYear: 1984,
    regionCode: 'MA-04',
    locale: 'fr',
  },
  {
    email: 'trainer@oris.example',
    role: 'trainer',
    fullName: 'Youssef El Amrani',
    fullNameAr: 'يوسف العمراني',
    gender: 'male',
    birthYear: 1979,
    regionCode: 'MA-01',
    locale: 'fr',
  },
  {
    email: 'officer@oris.example',
    role: 'placement_officer',
    fullName: 'Khadija Ouazzani',
    fullNameAr: 'خديجة الوزاني',
    gender: 'female',
    birthYear: 1990,
    regionCode: 'MA-03',
    locale: 'ar',
  },
  {
    email: 'editor@oris.example',
    role: 'observatory_editor',
    fullName: 'Nadia Berrada',
    fullNameAr: 'نادية برادة',
    gender: 'female',
    birthYear: 1987,
    regionCode: 'MA-04',
    locale: 'fr',
  },
  {
    email: 'partnerships@oris.example',
    role: 'partnership_officer',
    fullName: 'Omar Chraibi',
    fullNameAr: 'عمر الشرايبي',
    gender: 'male',
    birthYear: 1982,
    regionCode: 'MA-04',
    locale: 'ar',
  },
  {
    email: 'trainee@oris.example',
    role: 'trainee',
    fullName: 'Amine Tazi',
    fullNameAr: 'أمين التازي',
    gender: 'male',
    birthYear: 2001,
    regionCode: 'MA-07',
    locale: 'fr',
  },
];

const learner = (
  index: number,
  fullName: string,
  fullNameAr: string,
  gender: Gender,
  birthYear: number,
  regionCode: string,
): DemoAccount => ({
  email: `learner${String(index).padStart(2, '0')}@oris.example`,
  role: 'trainee',
  fullName,
  fullNameAr,
  gender,
  birthYear,
  regionCode,
  locale: index % 4 === 0 ? 'ar' : 'fr',
});

/** Trainees who fill the demo sessions (full cohorts, waitlists, past completers). */
export const DEMO_LEARNERS: readonly DemoAccount[] = [
  learner(1, 'Imane Alaoui', 'إيمان العلوي', 'female', 1998, 'MA-04'),
  learner(2, 'Hamza Berrada', 'حمزة برادة', 'male', 1995, 'MA-06'),
  learner(3, 'Nadia Chraibi', 'نادية الشرايبي', 'female', 2000, 'MA-03'),
  learner(4, 'Omar Idrissi', 'عمر الإدريسي', 'male', 1992, 'MA-07'),
  learner(5, 'Sara Lahlou', 'سارة لحلو', 'female', 1997, 'MA-01'),
  learner(6, 'Mehdi Benjelloun', 'مهدي بنجلون', 'male', 1989, 'MA-09'),
  learner(7, 'Fatima Zahra Amrani', 'فاطمة الزهراء العمراني', 'female', 2002, 'MA-02'),
  learner(8, 'Yassine Kettani', 'ياسين الكتاني', 'male', 1999, 'MA-05'),
  learner(9, 'Hajar Filali', 'هاجر الفيلالي', 'female', 1994, 'MA-08'),
  learner(10, 'Anas Sqalli', 'أنس السقلي', 'male', 1986, 'MA-06'),
  learner(11, 'Zineb Tahiri', 'زينب الطاهري', 'female', 2001, 'MA-10'),
  learner(12, 'Reda Ouali', 'رضا الوالي', 'male', 1996, 'MA-11'),
];
