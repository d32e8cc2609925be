# ruff: noqa: E501
"""Hand-written core reports, part C (same format as part A), and out-of-scope reports."""

C = {
    "PERHUBUNGAN": """
1|Parkir liar di depan minimarket {place} memakan separuh badan jalan, macet tiap sore
1|jukir liar di pasar minta 5rb utk motor padahal karcis resmi 2rb
1|Mobil parkir di bahu jalan depan rumah makan, bus tidak bisa lewat
2|Angkot ngetem sembarangan di perempatan dan sopirnya ugal-ugalan
2|Bus AKDP trayek {place} tidak laik jalan, rem blong dan pintu tidak bisa ditutup
2|terminal tipe C di {kec} kotor dan dijadikan tempat mangkal preman
3|Tiket kapal penyeberangan di pelabuhan dijual calo dua kali harga, loket selalu habis|ASDP|BUMN
3|Kapal Pelni terlambat 2 hari tanpa informasi, penumpang terlantar di pelabuhan|Pelni|BUMN
4|Penerbangan maskapai dibatalkan mendadak dan refund tiket tidak diproses sudah 3 bulan|Kementerian Perhubungan|pusat
4|Bagasi saya rusak dan isinya hilang di bandara, maskapai lepas tangan|Kementerian Perhubungan|pusat
5|Driver ojol diputus mitra sepihak oleh aplikator tanpa penjelasan|Kementerian Perhubungan|pusat
5|Tarif ojek online naik diam-diam, potongan aplikasi ke driver lebih dari 20 persen|Kementerian Perhubungan|pusat
6|KRL selalu terlambat di jam sibuk, penumpang berdesakan sampai pingsan|KAI|BUMN
6|Perlintasan kereta tanpa palang pintu di {desa}, sudah sering terjadi kecelakaan|Dinas Perhubungan {kab}|kabupaten/kota
6|refund tiket kereta api lebaran belum masuk ke rekening sudah sebulan|KAI|BUMN
7|Lampu lalu lintas di simpang {place} mati sudah seminggu, kendaraan saling serobot
7|Rambu larangan belok tertutup pohon, banyak pengendara ditilang karena tidak lihat
7|traffic light di perempatan depan pasar error, hijau semua dari 4 arah
8|Uji KIR kendaraan di dishub dipungut biaya tambahan agar lulus tanpa diperiksa
8|Buku KIR digital saya belum jadi sebulan, mobil barang tidak bisa beroperasi
9|Perpanjangan SIM di Satpas {place} ada calo dan biaya di luar PNBP|Polri|pusat
9|STNK saya sudah bayar pajak tapi pengesahan tidak bisa karena data ETLE salah|Polri|pusat
9|kena tilang elektronik padahal motor saya di rumah, plat nomor dipakai orang lain|Polri|pusat
""",
    "PERLINDUNGAN KONSUMEN": """
1|Beli HP di marketplace yang datang malah batu bata, penjual hilang dan platform tidak mau refund
1|Saya tertipu belanja online lewat instagram, sudah transfer 3 juta barang tidak dikirim
1|paket COD isinya tidak sesuai pesanan, kurir maksa bayar dulu baru boleh buka
2|Pedagang daging di pasar {place} memakai timbangan yang sudah diakali, 1 kilo cuma 8 ons
2|Takaran BBM di SPBU tidak sesuai, 10 liter yang keluar kurang dari seharusnya
2|timbangan di pasar tradisional banyak yang belum ditera ulang
3|Minimarket di {kec} masih menjual susu dan roti kedaluwarsa
3|Charger HP murah tanpa SNI meledak dan membakar kamar anak saya
3|mainan anak impor mengandung cat berbahaya dijual bebas di toko mainan
4|Kartu kredit saya ditagih biaya tahunan padahal dijanjikan gratis seumur hidup|OJK|pusat
4|Bank menjual produk asuransi saat saya buka tabungan tanpa penjelasan jelas|OJK|pusat
5|Kuota internet saya hilang sebelum masa aktif habis, operator tidak mau mengganti|Komdigi|pusat
5|Pulsa terpotong terus untuk layanan konten premium yang tidak pernah saya daftar|Komdigi|pusat
6|Pengembang perumahan di {place} tidak menyerahkan sertifikat padahal rumah sudah lunas|Disperkim {kab}|kabupaten/kota
6|Apartemen yang kami beli tidak selesai dibangun, uang muka tidak dikembalikan developer
6|fasum fasos perumahan tidak diserahkan developer ke pemda, jalan rusak tidak ada yang perbaiki
""",
    "PROGRAM MAKAN BERGIZI GRATIS": """
1|Puluhan siswa SD di {place} keracunan setelah makan menu MBG, muntah dan diare|BGN|pusat
1|anak sy mual dan pusing habis makan makan bergizi gratis di sekolah, lauknya bau|BGN|pusat
1|Kasus keracunan makanan program MBG di SMP kami sudah dua kali, dapurnya tidak higienis|BGN|pusat
2|Menu makan bergizi gratis hari ini cuma nasi, tempe sepotong dan sayur basi|BGN|pusat
2|Porsi MBG untuk anak SMA terlalu sedikit dan tidak ada buah atau susu|BGN|pusat
2|ada ulat di sayur MBG anak saya, foto terlampir|BGN|pusat
3|Makanan MBG datang jam 1 siang saat siswa sudah pulang, makanan jadi basi|BGN|pusat
3|Sekolah kami di {desa} belum pernah menerima makan bergizi gratis padahal sekolah sebelah sudah|BGN|pusat
4|Dapur SPPG di {kec} dibangun di samping kandang ayam dan tempat sampah|BGN|pusat
4|Relawan dapur SPPG kerja dari jam 2 pagi tapi honornya belum dibayar 2 bulan|BGN|pusat
5|Ibu hamil dan balita di desa kami belum terdaftar sebagai penerima MBG|BGN|pusat
5|Siswa sekolah swasta tidak dapat MBG, hanya sekolah negeri, padahal sama-sama anak bangsa|BGN|pusat
6|Kami mitra penyedia MBG belum dibayar BGN selama 3 bulan, sudah nombok ratusan juta|BGN|pusat
6|Penunjukan mitra SPPG di {place} tidak transparan, yang dapat keluarga pejabat|BGN|pusat
""",
    "SELEKSI CALON HAKIM AGUNG RI": """
1|Saya ingin memberi masukan bahwa salah satu calon hakim agung pernah memutus perkara dengan dugaan suap|Komisi Yudisial|pusat
1|Calon hakim agung atas nama X punya rekam jejak buruk saat menjadi ketua pengadilan tinggi|Komisi Yudisial|pusat
1|Mohon Komisi Yudisial menelusuri harta kekayaan calon hakim agung yang tidak wajar|Komisi Yudisial|pusat
1|laporan masyarakat soal pelanggaran etik calon hakim agung tidak ditanggapi KY|Komisi Yudisial|pusat
2|Persyaratan pendaftaran calon hakim agung jalur non karier tidak jelas soal pengalaman 20 tahun|Komisi Yudisial|pusat
2|Pendaftaran online seleksi calon hakim agung error saat unggah berkas|Komisi Yudisial|pusat
2|Syarat usia calon hakim agung berbeda antara pengumuman dan undang-undang, mohon klarifikasi|Komisi Yudisial|pusat
3|Tes wawancara terbuka calon hakim agung tidak disiarkan live sesuai janji KY|Komisi Yudisial|pusat
3|Hasil seleksi kualitas calon hakim agung diumumkan tanpa nilai, proses tidak transparan|Komisi Yudisial|pusat
3|Ada dugaan titipan DPR dalam seleksi hakim agung tahun ini, fit and proper test tertutup|Komisi Yudisial|pusat
""",
    "SRGI": """
1|Pilar titik kontrol geodesi di pinggir jalan {place} rusak ditabrak truk dan tidak diganti|BIG|pusat
1|patok BM (benchmark) di lapangan desa dicabut warga, mohon BIG pasang ulang|BIG|pusat
1|Koordinat titik kontrol geodesi orde 2 di daerah kami berbeda jauh dengan hasil pengukuran|BIG|pusat
2|Layanan Ina-CORS sering putus koneksi sehingga pengukuran RTK kami terganggu|BIG|pusat
2|Pendaftaran akun Ina-CORS untuk surveyor berlisensi tidak kunjung diverifikasi|BIG|pusat
2|stasiun CORS terdekat mati sudah sebulan, data koreksi tidak tersedia|BIG|pusat
3|Peta rupabumi di geoportal BIG salah menamai sungai dan desa kami|BIG|pusat
3|Data peta RBI skala besar untuk {place} belum tersedia, menghambat penyusunan RDTR|BIG|pusat
3|Nama pulau di peta resmi berbeda dengan nama yang dipakai masyarakat setempat|BIG|pusat
4|Batas wilayah antara desa kami dan desa tetangga di peta BIG tidak sesuai kesepakatan|BIG|pusat
4|Sengketa batas kabupaten {place} dengan kabupaten sebelah, warga bingung ikut wilayah mana|BIG|pusat
4|Peta batas wilayah provinsi memotong kampung kami jadi dua, pelayanan KTP jadi kacau|BIG|pusat
""",
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI": """
1|Situs berita resmi kami diblokir internet positif padahal tidak ada konten negatif|Komdigi|pusat
1|Mohon blokir situs yang menjual video porno anak dan konten kekerasan|Komdigi|pusat
2|Iklan judi online bertebaran di website pemerintah daerah {place}, sepertinya diretas|Komdigi|pusat
2|Suami saya kecanduan judol slot sampai jual motor, mohon situs2 itu diblokir|Komdigi|pusat
2|Banyak akun instagram promosi situs judi online dan tidak diblokir|Komdigi|pusat
3|Saya dapat SMS phishing mengatasnamakan bank berisi link, setelah diklik saldo hilang|Komdigi|pusat
3|Ada penipuan lewat WhatsApp kirim file APK undangan nikah, HP saya diretas|Komdigi|pusat
3|nomor ini nipu ngaku kurir paket, minta kode OTP, tolong diblokir nomornya|Komdigi|pusat
4|Aplikasi layanan pemda {place} tidak bisa dibuka sejak update, padahal wajib dipakai urus izin|Diskominfo {kab}|kabupaten/kota
4|Website resmi pemkab {place} isinya kadaluarsa dan banyak link mati|Diskominfo {kab}|kabupaten/kota
4|aplikasi pemerintah terlalu banyak, tiap layanan suruh download app baru, tolong disatukan|Diskominfo {kab}|kabupaten/kota
5|Di desa kami di {desa} tidak ada sinyal sama sekali, anak sekolah harus naik bukit untuk belajar online|Komdigi|pusat
5|BTS yang dibangun program pemerintah di desa kami tidak pernah menyala|Komdigi|pusat
5|jaringan internet lemot banget di {kec} sejak 2 bulan, provider ga respon|Komdigi|pusat
6|Beredar hoaks di grup WhatsApp bahwa vaksin menyebabkan kemandulan, mohon diluruskan|Komdigi|pusat
6|Berita palsu soal penculikan anak di {place} bikin warga panik dan main hakim sendiri|Komdigi|pusat
7|Data pribadi saya bocor, nomor HP dan NIK saya dipakai untuk pinjol dan SMS spam|Komdigi|pusat
7|Aplikasi pemerintah meminta izin akses kontak dan galeri yang tidak perlu|Komdigi|pusat
8|Siaran TV lokal {place} menayangkan iklan obat kuat saat jam anak-anak|KPI|pusat
8|Siaran digital TV di daerah kami hilang setelah ASO, set top box bantuan tidak dibagikan|Komdigi|pusat
""",
    "TOPIK KHUSUS": """
1|Proyek strategis nasional bendungan di {place} belum membayar ganti rugi lahan warga|KemenPANRB|pusat
1|Program 3 juta rumah belum jelas pendaftarannya untuk warga berpenghasilan rendah|KemenPANRB|pusat
1|Pembangunan IKN menggusur kebun warga tanpa musyawarah yang layak|KemenPANRB|pusat
1|Program prioritas presiden swasembada pangan di daerah kami hanya cetak sawah di atas kertas|KemenPANRB|pusat
2|Penanganan bencana nasional gempa di {place} lambat, bantuan pusat menumpuk di gudang|BNPB|pusat
2|Dana stimulan rumah rusak berat pasca bencana dari BNPB belum diterima korban|BNPB|pusat
2|Huntara korban bencana nasional tidak layak, air bersih dan MCK tidak ada|BNPB|pusat
3|Mal Pelayanan Publik di {place} sepi, petugas loket instansi banyak yang kosong|KemenPANRB|pusat
3|Layanan terpadu satu pintu masih minta kami datang ke tiap dinas satu per satu|KemenPANRB|pusat
3|Antrian di MPP harus ambil nomor dari jam 5 pagi, sistem antrean online tidak berfungsi|KemenPANRB|pusat
""",
    "TOPIK LAINNYA": """
1|Pelayanan di kantor kelurahan {desa} lambat dan petugasnya sering main HP di jam kerja|Kelurahan {desa}|kelurahan/desa
1|Jam pelayanan kantor kecamatan tidak sesuai yang tertulis, jam 2 siang sudah tutup|Kecamatan {kec}|kecamatan
1|Pegawai kantor pemerintahan bersikap tidak ramah dan membentak warga yang bertanya|Pemerintah {kab}|kabupaten/kota
1|Surat pengantar dari kelurahan harus menunggu tanda tangan lurah yang jarang di kantor|Kelurahan {desa}|kelurahan/desa
2|Saya ingin meminta salinan dokumen AMDAL proyek perumahan di {place} sebagai informasi publik|PPID Utama {kab}|kabupaten/kota
2|Mohon informasi rincian anggaran kegiatan 17 Agustus di kecamatan kami|PPID Utama {kab}|kabupaten/kota
2|Permohonan informasi saya ke PPID pemkab tidak dijawab lebih dari 10 hari kerja|PPID Utama {kab}|kabupaten/kota
2|minta info jadwal dan syarat pembuatan izin usaha mikro, di web tidak ada|PPID Utama {kab}|kabupaten/kota
3|Terima kasih kepada petugas Disdukcapil {place} yang melayani dengan cepat dan ramah|Pemerintah {kab}|kabupaten/kota
3|Apresiasi untuk dinas PU yang cepat memperbaiki jalan setelah dilaporkan di sini|Pemerintah {kab}|kabupaten/kota
3|Saran agar pemda menyediakan ruang laktasi dan tempat bermain anak di kantor pelayanan|Pemerintah {kab}|kabupaten/kota
3|Usul, kantor pelayanan buka juga hari Sabtu supaya pekerja bisa mengurus dokumen|Pemerintah {kab}|kabupaten/kota
""",
}

# Out of scope: not a public service at all, or belonging to another channel. Level and agency
# are empty in meaning; we write "-" as the agency and "pusat" as the level (never used).
OUT = {
    "Prank/Tidak Jelas": """
test test 123
halo min
p
assalamualaikum
coba2 aplikasi aja
wkwkwk lucu bgt
kirim pulsa dong 10rb
siapa yg bisa bantu ngerjain PR matematika
min aku jomblo nih cariin jodoh dong
tolong kirimkan nomor togel malam ini
minta nomor wa admin yg cantik
aaaaaaaaaa
laporan percobaan, abaikan
hai kenalan dong
jokowi ganteng
sdfghjkl qwerty
ok
gimana caranya jadi youtuber terkenal
cuma mau ngetes doang ini beneran nyampe gak
mohon maaf salah kirim
""",
    "Sengketa Pribadi": """
Tetangga saya tidak mau bayar utang 5 juta yang dipinjam tahun lalu, mohon pemerintah tagihkan
Mantan suami saya tidak mau mengembalikan motor yang saya beli, tolong dibantu
adik ipar saya suka ngomongin keburukan saya ke keluarga besar, tolong ditegur
Teman kos saya pinjam laptop dan tidak dikembalikan, minta tolong diurus
Pacar saya selingkuh dengan teman kantornya, saya minta dia dipecat
Saudara saya menguasai rumah warisan orang tua sendirian, kami ahli waris lain tidak dapat bagian
Tetangga pelihara ayam jago berkokok tiap subuh bikin saya tidak bisa tidur, tolong suruh jual
Istri saya pergi dari rumah membawa anak tanpa pamit, mohon dicarikan
Rekan bisnis saya kabur membawa modal usaha bersama kami, tolong pemerintah kembalikan uang saya
Pohon mangga tetangga daunnya rontok ke halaman saya, sudah ditegur tidak mau tebang
tetangga parkir mobil depan pagar rumah saya terus, sudah diomongin tetep aja
anak tetangga sering main bola dan kaca jendela saya pecah, orang tuanya tidak mau ganti
""",
    "Pidana/Pengadilan (lapor ke Polri/KPK/pengadilan)": """
Motor saya dicuri di depan rumah semalam, mohon dicarikan pelakunya
Saya dianiaya oleh orang tak dikenal di jalan sampai luka-luka, minta pelaku ditangkap
Tolong batalkan putusan pengadilan negeri yang memenangkan lawan saya dalam sengketa tanah
Saya mau menggugat cerai suami, bagaimana caranya di sini
Rumah saya dibobol maling, emas dan uang hilang, tolong tangkap pelakunya
Saya ditipu arisan online puluhan juta, minta pelaku dipenjara
Suami saya ditahan polisi, saya minta dia dibebaskan sekarang juga
mohon hakim yang memutus perkara warisan saya diganti karena putusannya tidak adil
Ada pembunuhan di kampung sebelah dan pelakunya belum tertangkap
Saya difitnah di facebook dan mau menuntut pencemaran nama baik
""",
    "Darurat 112": """
TOLONG ADA KEBAKARAN DI RUMAH SEBELAH SEKARANG API SUDAH BESAR
ada kecelakaan motor di depan pasar {place}, korban tidak sadar, tolong kirim ambulans sekarang
Tolong, ibu saya pingsan tidak bernapas di rumah, butuh ambulans segera
darurat!! anak tenggelam di sungai belakang rumah barusan
Ada orang mau bunuh diri di jembatan {place} sekarang, tolong cepat
Rumah kami kemasukan perampok bersenjata sekarang, kami sembunyi di kamar
Banjir sudah sampai atap, kami terjebak di lantai dua dengan bayi, tolong evakuasi sekarang
gas bocor dan bau menyengat di gang kami sekarang, takut meledak
istri saya mau melahirkan ketuban pecah, tidak ada kendaraan, tolong
kebakaran gudang di {kec} sekarang, damkar belum datang, api merembet
orang tertimpa pohon tumbang di jalan barusan, masih terjepit
tolong ada yg kesetrum kabel listrik putus di depan rumah, sekarang
""",
}
