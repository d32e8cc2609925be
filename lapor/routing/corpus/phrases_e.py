# ruff: noqa: E501
"""Hand-written core reports, part E: a second pass over the most frequent topics and the most
confused pairs (drugs vs. health, school violence vs. education, out of scope)."""

E = {
    "PEKERJAAN UMUM DAN PENATAAN RUANG": """
2|jalan cor di dusun kami retak2 dan ambles, mobil pengangkut hasil panen tidak bisa masuk
4|Kabel lampu PJU dicuri, sudah setengah tahun jalan raya {place} gelap tanpa penerangan
5|Got depan ruko mampet oleh sedimen, tiap hujan sedikit saja air naik ke jalan setinggi lutut
9|Warga pemilik tanah belum terima sertifikat hasil redistribusi tanah, padahal sudah diukur 2021|Kantor Pertanahan {kab}|instansi vertikal
""",
    "KETENAGAKERJAAN": """
1|Karyawan minimarket dipotong gajinya untuk mengganti barang hilang, padahal bukan salah kami
2|Perusahaan tutup mendadak, bos kabur, 200 buruh tidak dapat gaji terakhir dan pesangon
5|Calo TKI menahan ijazah dan KTP adik saya, dia belum diberangkatkan setahun|KP2MI/BP2MI|pusat
""",
    "SOSIAL DAN KESEJAHTERAAN": """
1|Bansos sembako dari kementerian dijual lagi oleh aparat desa ke pedagang
3|Lansia di {desa} harus antre di kantor pos dari subuh untuk ambil bansos tunai, tidak ada kursi
6|Dana PIP SMA anak saya tidak bisa dicairkan karena rekening belum diaktivasi sekolah
""",
    "PENDIDIKAN DAN KEBUDAYAAN": """
1|Anak saya ranking 1 tapi kalah di jalur prestasi SMP oleh anak pejabat, nilai rapor diduga dikatrol
4|Guru PPPK di sekolah kami belum menerima gaji sejak diangkat 3 bulan lalu|BKD {kab}|kabupaten/kota
7|Kampus menahan ijazah wisudawan sampai melunasi sumbangan pembangunan|Kemdiktisaintek|pusat
""",
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT": """
1|Pedagang kaki lima menutup pintu masuk stasiun, penumpang berdesakan
3|Tetangga bikin bengkel las di rumah sampai tengah malam, bising dan percikan api ke rumah lain
5|ormas meminta THR secara paksa ke toko-toko di sepanjang jalan {place}
""",
    "PERHUBUNGAN": """
1|Juru parkir resmi minimarket tidak memberi karcis dan tarif parkir naik sesukanya
2|Angkutan umum pedesaan di {kec} berhenti beroperasi, warga harus naik ojek mahal ke kota
6|Antrean tiket di stasiun kereta panjang sekali dan mesin tiket mandiri rusak|KAI|BUMN
7|Tiang rambu lalu lintas roboh di tikungan tajam, sudah dua minggu dibiarkan
""",
    "LINGKUNGAN HIDUP DAN KEHUTANAN": """
1|Sampah rumah tangga di komplek kami tidak diangkut karena petugas minta iuran tambahan
2|Air sungai berbusa dan berbau setelah pabrik tekstil beroperasi malam hari
4|Limbah rumah sakit berupa jarum suntik dan infus dibuang ke tempat sampah umum
""",
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI": """
3|Saya ditelepon orang yang mengaku polisi bilang anak saya ditangkap dan minta transfer uang|Komdigi|pusat
6|Video editan yang menyebut bupati ditangkap KPK tersebar di TikTok, padahal hoaks|Komdigi|pusat
7|Data pasien rumah sakit bocor dan dijual di forum online|Komdigi|pusat
""",
    "KESEHATAN": """
4|Puskesmas menarik biaya untuk surat keterangan sehat padahal perda bilang gratis
5|Ruang rawat kelas 3 rumah sakit daerah penuh, pasien BPJS dirawat di lorong|RSUD {kab}|kabupaten/kota
10|Puluhan warga {desa} kena chikungunya, tidak ada pemeriksaan jentik dari puskesmas
""",
    "P4GN": """
1|Warung kopi di ujung gang jadi tempat jual beli ganja, anak sekolah sering nongkrong di sana|BNN|pusat
2|Suami saya pecandu sabu, sering mengamuk, kami minta dia direhabilitasi|BNN|pusat
4|Mohon BNN mengadakan tes urine mendadak untuk sopir bus AKAP di terminal {place}|BNN|pusat
""",
    "KEKERASAN DI SATUAN PENDIDIKAN": """
1|Anak saya dikeroyok teman-temannya di toilet sekolah dan videonya disebar, sekolah menutupi
2|Pelatih ekstrakurikuler menghukum siswa push up sampai pingsan di lapangan
3|Guru BK membentak dan menyebut anak saya bodoh di depan kelas sampai dia trauma tidak mau sekolah
""",
}

OUT_E = {
    "Prank/Tidak Jelas": """
laporan saya adalah saya lapar
nyoba kirim foto doang
bang jago kirim duit
""",
    "Sengketa Pribadi": """
Suami saya tidak mau memberi nafkah dan jarang pulang, mohon pemerintah menegur
Kakak saya menjual sawah warisan tanpa izin saudara yang lain
""",
    "Pidana/Pengadilan (lapor ke Polri/KPK/pengadilan)": """
Anak saya diculik oleh mantan suami, tolong polisi kembalikan anak saya
HP saya dijambret di lampu merah tadi pagi, minta dicari pelakunya
""",
    "Darurat 112": """
tolong ada orang kecelakaan tabrak lari barusan di jalan raya, darahnya banyak
rumah kami terbakar sekarang tolong kirim pemadam
""",
}
