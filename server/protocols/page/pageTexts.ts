/** The OAuth page's wording, in DANA's two page languages (the query's `lang`, Indonesian by default). */
export const pageTexts = {
  id: {
    title: 'Hubungkan akun DANA',
    phoneLead: (partner: string) =>
      `Masukkan nomor HP yang terdaftar di DANA untuk menghubungkan akunmu ke ${partner}.`,
    phoneLabel: 'Nomor HP',
    continue: 'LANJUTKAN',
    consentTitle: (partner: string) => `Izinkan ${partner} mengakses akun DANA kamu?`,
    consentLead: (phone: string) => `Akun DANA ${phone} akan terhubung dan mitra dapat:`,
    pinTitle: 'Masukkan PIN DANA',
    pinLead: (phone: string) => `PIN 6 digit untuk akun ${phone}`,
    pinLabel: 'PIN',
    confirm: 'KONFIRMASI',
    sandboxNote: 'Halaman sandbox dana-mock: gunakan nomor dan PIN uji.',
    errorTitle: 'Halaman tidak dapat dibuka',
    errors: {
      invalidPhone: 'Nomor HP tidak valid. Masukkan 9 sampai 15 digit, misalnya 083811223355.',
      unknownPhone: 'Nomor HP ini belum terdaftar di DANA.',
      frozenAccount: 'Akun DANA kamu sedang dibekukan. Hubungi Customer Service DANA untuk bantuan.',
      wrongPin: 'PIN yang kamu masukkan salah. Silakan coba lagi.',
      pinFormat: 'PIN harus 6 digit angka.',
      noConsent: 'Setujui akses untuk melanjutkan.',
    },
  },
  en: {
    title: 'Connect your DANA account',
    phoneLead: (partner: string) =>
      `Enter the phone number registered with DANA to connect your account to ${partner}.`,
    phoneLabel: 'Phone number',
    continue: 'LANJUTKAN',
    consentTitle: (partner: string) => `Allow ${partner} to access your DANA account?`,
    consentLead: (phone: string) => `DANA account ${phone} will be connected and the partner may:`,
    pinTitle: 'Enter your DANA PIN',
    pinLead: (phone: string) => `The 6-digit PIN of account ${phone}`,
    pinLabel: 'PIN',
    confirm: 'CONFIRM',
    sandboxNote: 'dana-mock sandbox page: use the test phone numbers and PINs.',
    errorTitle: 'This page cannot be opened',
    errors: {
      invalidPhone: 'Invalid phone number. Enter 9 to 15 digits, e.g. 083811223355.',
      unknownPhone: 'This phone number is not registered with DANA.',
      frozenAccount: 'Your DANA account is frozen. Contact DANA Customer Service for help.',
      wrongPin: 'The PIN you entered is wrong. Please try again.',
      pinFormat: 'The PIN must be 6 digits.',
      noConsent: 'Agree to the access to continue.',
    },
  },
} as const;

export type PageLanguage = keyof typeof pageTexts;
export type PageErrorKey = keyof (typeof pageTexts)['id']['errors'];

/** What each scope lets the partner do, as the consent step lists it. */
export const scopeTexts: Record<PageLanguage, Record<string, string>> = {
  id: {
    CASHIER: 'Membuat pembayaran dengan DANA',
    AGREEMENT_PAY: 'Menagih pembayaran otomatis tanpa PIN',
    QUERY_BALANCE: 'Melihat saldo DANA kamu',
    DEFAULT_BASIC_PROFILE: 'Melihat profil dasar (nama dan nomor HP)',
    MINI_DANA: 'Membuka layanan DANA di aplikasi mitra',
  },
  en: {
    CASHIER: 'Make payments with DANA',
    AGREEMENT_PAY: 'Charge automatic payments without a PIN',
    QUERY_BALANCE: 'See your DANA balance',
    DEFAULT_BASIC_PROFILE: 'See your basic profile (name and phone number)',
    MINI_DANA: 'Open DANA services in the partner app',
  },
};
