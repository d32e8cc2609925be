# ruff: noqa: E501
"""Hand-written core reports, part A. One line per report: ``sub|text`` or
``sub|text|agency|level``. ``sub`` is the 1-based index of the sub-topic in
``directory_data.CATEGORIES``; ``{kab}`` is a regency/city ("Kabupaten Sleman"), ``{prov}`` its
province, ``{desa}`` a village, ``{kec}`` a district, ``{place}`` the short place name."""

A = {
    "AGAMA": """
1|Pembangunan gereja di perumahan kami di {place} dihentikan paksa oleh sekelompok orang padahal IMB dan izin FKUB sudah lengkap
1|mushola di rt kami atapnya bocor parah, sdh ajukan bantuan rehab rumah ibadah ke kemenag tp blm ada jawaban
1|Izin pendirian pura di {desa} dipersulit bertahun-tahun, kami umat Hindu harus ibadah di rumah warga
2|ada spanduk provokatif yg menghina agama lain dipasang dekat masjid di {kec}, warga resah takut bentrok
2|Forum kerukunan umat beragama di {place} tidak pernah aktif, konflik antarwarga beda keyakinan dibiarkan
3|Saya sudah lunas setoran haji sejak 2012 tapi nomor porsi saya tiba-tiba tidak terdaftar di SISKOHAT
3|travel umroh PT berkah mandiri gagal berangkatkan 40 jamaah dari {place}, uang sdh disetor 30jt per org|Kementerian Agama|pusat
3|pelunasan bipih haji reguler kok dibatasi jamnya, bank penerima setoran bilang sistem error terus
4|Petugas KUA di {kec} minta uang 1,5 juta utk nikah di kantor padahal aturannya gratis
4|pendaftaran nikah di kua online gak bisa2, simkah error dr minggu lalu, tgl akad udh deket
4|Buku nikah kami salah tulis nama ayah, sudah 3 bulan diurus ke KUA belum juga diperbaiki
5|tunjangan profesi guru madrasah (TPG) triwulan ini belum cair, guru MI di {place} sdh nunggu 4 bulan
5|dana BOS madrasah di MTs swasta kami diduga dipotong oleh oknum pengawas
5|Guru PAI di SD negeri kami jarang masuk kelas, anak-anak tidak belajar agama sama sekali
6|pondok pesantren di {desa} tidak punya izin operasional tapi menerima ratusan santri, bangunannya tidak layak
6|Bantuan operasional pesantren tahun ini tidak diterima ponpes kami padahal sudah terdaftar di EMIS
7|Pengelolaan zakat di masjid raya {place} tidak transparan, laporan penyaluran tidak pernah diumumkan
7|tanah wakaf utk makam dijual oleh ahli waris nadzir, mohon kemenag turun tangan
7|BAZNAS kabupaten memotong zakat profesi ASN tanpa persetujuan tertulis
8|Sudah daftar sertifikasi halal gratis (SEHATI) untuk UMKM keripik saya sejak Januari belum ada kabar|BPJPH|pusat
8|restoran di mal {place} pasang label halal palsu, dicek di web bpjph tidak terdaftar|BPJPH|pusat
8|pendamping PPH minta bayaran 500rb padahal program sertifikat halal self declare katanya gratis|BPJPH|pusat
""",
    "CORONA VIRUS": """
1|vaksin booster di puskesmas {kec} selalu habis, sdh 3x datang disuruh pulang
1|Anak saya mengalami KIPI demam tinggi dan kejang setelah vaksin covid, tidak ada pendampingan dari dinkes
1|Sentra vaksinasi covid di gedung olahraga {place} berkerumun, tidak ada jaga jarak sama sekali
2|sertifikat vaksin saya tidak muncul di aplikasi SatuSehat padahal sdh vaksin dosis 2
2|Data vaksin saya tertukar dengan orang lain, NIK saya dipakai vaksin di kota lain
2|certificate vaccine ga keluar di pedulilindungi, mau perjalanan dinas jadi terhambat
3|Hasil PCR dari lab di {place} keluar 5 hari, sudah lewat jadwal terbang, minta pertanggungjawaban
3|pasien covid positif isoman di rumah tidak dapat obat dan pemantauan dari puskesmas sama sekali
3|Rumah sakit rujukan covid menolak pasien dengan alasan penuh, ayah saya meninggal di IGD
3|harga tes antigen di klinik dekat bandara 250rb, melebihi batas tarif yang ditetapkan pemerintah
4|Insentif nakes covid untuk perawat RSUD {place} belum dibayar selama 6 bulan
4|santunan kematian tenaga kesehatan yg gugur krn covid blm diterima keluarga kami
4|Relawan covid di wisma atlet sampai sekarang honornya belum dibayar penuh
5|bansos covid berupa sembako di kelurahan kami dibagikan hanya ke keluarga pak RT|Dinas Sosial {kab}|kabupaten/kota
5|BLT covid tidak sampai ke warga terdampak, namanya ada di daftar tapi uang diambil orang lain|Dinas Sosial {kab}|kabupaten/kota
5|Paket bantuan sosial covid isinya beras berkutu dan mi instan kedaluwarsa|Kementerian Sosial|pusat
""",
    "EKONOMI DAN KEUANGAN": """
1|Restitusi pajak PPh saya sudah lebih 12 bulan tidak diproses oleh KPP Pratama {place}|Kantor Pelayanan Pajak Pratama {place}|instansi vertikal
1|gak bisa login coretax buat lapor SPT tahunan, error terus padahal deadline tgl 31|Direktorat Jenderal Pajak|pusat
1|NPWP saya dipakai orang lain untuk membuat faktur pajak fiktif, tiba-tiba ditagih PPN ratusan juta|Direktorat Jenderal Pajak|pusat
2|Tagihan PBB rumah saya di {desa} naik 400 persen tanpa penjelasan, NJOP dinaikkan sepihak
2|samsat keliling pungut biaya tambahan di luar tarif pajak kendaraan, tanpa kwitansi|Bapenda {prov}|provinsi
2|sdh bayar pbb lunas tp di sistem bapenda masih tercatat nunggak 3 tahun
3|Paket kiriman dari luar negeri saya tertahan di bea cukai, bea masuknya lebih mahal dari harga barang|Direktorat Jenderal Bea dan Cukai|pusat
3|rokok ilegal tanpa pita cukai dijual bebas di warung2 {kec}|Kantor Bea Cukai {place}|instansi vertikal
4|Saldo tabungan saya di bank berkurang 15 juta tanpa transaksi, bank hanya bilang sedang diinvestigasi|OJK|pusat
4|debt collector datang ke rumah ngancam2 dan tarik motor di jalan tanpa surat, kreditnya baru telat 1 bulan|OJK|pusat
4|transfer antar bank gagal tapi saldo kepotong, sdh 2 minggu dana blm kembali|OJK|pusat
5|diteror pinjol ilegal, semua kontak di hp saya disebar foto KTP saya dan dibilang maling|OJK|pusat
5|Saya tidak pernah pinjam tapi tiba-tiba dapat transfer dari aplikasi pinjaman online lalu ditagih bunga 3x lipat|OJK|pusat
5|pinjol nagih pake kata2 kasar ke kantor istri saya, tolong diblokir aplikasinya|OJK|pusat
6|Klaim asuransi jiwa almarhum ayah saya ditolak perusahaan asuransi dengan alasan yang mengada-ada|OJK|pusat
6|Investasi bodong berkedok koperasi di {place} membawa kabur dana ratusan nasabah|OJK|pusat
7|Pengajuan KUR saya di bank BUMN ditolak dan malah ditawari kredit komersial bunga tinggi, padahal usaha sdh 3 thn|Kemenko Perekonomian|pusat
7|petugas bank minta agunan sertifikat rumah untuk KUR mikro 10 juta, bukannya tanpa agunan?|Kemenko Perekonomian|pusat
8|Harga beras medium di pasar {place} sudah tembus 16 ribu per kilo, jauh di atas HET|Disperindag {kab}|kabupaten/kota
8|minyak goreng kemasan sederhana langka di pasar, kalo ada harganya naik terus|Disperindag {kab}|kabupaten/kota
8|harga cabai rawit naik gila2an 120rb/kg, pemda tolong operasi pasar
9|Anggaran perjalanan dinas DPRD {place} membengkak sementara jalan rusak tidak diperbaiki|Inspektorat {kab}|kabupaten/kota
9|APBD kabupaten tidak dipublikasikan, kami minta transparansi pengelolaan keuangan daerah|Bapenda {kab}|kabupaten/kota
9|Pembayaran proyek ke kontraktor lokal ditunda pemda berbulan-bulan, pekerja tidak digaji
""",
    "KESEHATAN": """
1|Kepesertaan BPJS Kesehatan saya nonaktif tiba-tiba padahal saya peserta PBI dari pemerintah|BPJS Kesehatan|BUMN
1|mau pindah faskes tingkat 1 di aplikasi mobile jkn gak bisa, katanya harus nunggu 3 bulan|BPJS Kesehatan|BUMN
1|Bayi baru lahir tidak bisa didaftarkan BPJS karena KK belum jadi, padahal butuh rawat NICU|BPJS Kesehatan|BUMN
2|Rumah sakit menyuruh pasien BPJS pulang padahal belum sembuh, katanya plafon sudah habis|BPJS Kesehatan|BUMN
2|Pasien BPJS disuruh beli obat sendiri di apotek luar dengan alasan obat kosong|BPJS Kesehatan|BUMN
2|antrian pasien bpjs di RS swasta {place} dibedakan, pasien umum didahulukan|BPJS Kesehatan|BUMN
3|Tunggakan iuran BPJS mandiri saya 2 tahun karena PHK, apakah bisa dicicil? denda rawat inap besar sekali|BPJS Kesehatan|BUMN
3|iuran bpjs sdh dibayar lewat autodebet tp status masih nunggak di jkn mobile|BPJS Kesehatan|BUMN
4|Puskesmas {kec} tutup jam 11 siang, dokter tidak pernah ada, hanya bidan
4|petugas puskesmas judes bgt ke pasien lansia, nyuruh balik besok krn nomor antrian habis
4|Ambulans puskesmas dipakai untuk keperluan pribadi kepala puskesmas
5|IGD RSUD {place} menolak pasien kecelakaan dengan alasan tidak ada dokter jaga|RSUD {kab}|kabupaten/kota
5|Ibu saya meninggal karena terlambat ditangani di rumah sakit, perawat mengabaikan keluhan kami|RSUD {kab}|kabupaten/kota
5|parkir RSUD mahal dan toilet ruang rawat inap kotor, air tidak mengalir|RSUD {kab}|kabupaten/kota
6|Obat hipertensi untuk pasien prolanis kosong sudah 2 bulan di apotek puskesmas
6|vaksin imunisasi dasar utk bayi kosong di posyandu, disuruh ke bidan swasta bayar
7|Ada pabrik jamu rumahan di {desa} mencampur bahan kimia obat, banyak yang sakit|BPOM|pusat
7|Kosmetik tanpa izin edar BPOM mengandung merkuri dijual bebas di marketplace|BPOM|pusat
7|makanan jajanan anak sekolah pakai pewarna tekstil, mohon BPOM cek|BPOM|pusat
8|Anak saya terindikasi stunting tapi tidak pernah dapat PMT dari posyandu
8|Program pemberian makanan tambahan balita gizi buruk di {desa} tidak tepat sasaran
9|Bidan desa di {desa} jarang di tempat, ibu hamil harus ke kota untuk periksa
9|dokter spesialis di RSUD cuma datang seminggu sekali, pasien numpuk|RSUD {kab}|kabupaten/kota
10|Kasus demam berdarah meningkat di {kec}, sudah 3 anak meninggal tapi belum ada fogging
10|Banyak warga terkena diare setelah sumur tercemar, tolong dinkes cek kualitas air
10|kasus TBC di kampung kami banyak tp tdk ada penyuluhan dan pengobatan rutin
""",
    "KESETARAAN GENDER DAN SOSIAL INKLUSIF": """
1|Kantor pelayanan publik di {place} tidak punya ramp, pengguna kursi roda seperti saya tidak bisa masuk
1|teman tuli saya ditolak melamar kerja di BUMD padahal ada kuota 2 persen disabilitas
1|Tidak ada juru bahasa isyarat di layanan Disdukcapil, penyandang tuli kesulitan urus KTP
1|trotoar baru dibangun tanpa guiding block utk tunanetra, malah ada tiang listrik di tengahnya
2|Tetangga saya sering dipukuli suaminya sampai lebam, sudah lapor ke desa tapi tidak ditanggapi
2|Saya korban KDRT tidak punya tempat tinggal, mohon bantuan rumah aman dari UPTD PPA
2|Pegawai perempuan di kantor dinas mengalami pelecehan oleh atasannya, takut melapor
3|Anak tetangga usia 8 thn sering dikurung dan tidak disekolahkan oleh orang tuanya
3|Ada pernikahan anak usia 14 tahun di {desa}, dispensasi diberikan begitu saja
3|anak jalanan di perempatan {place} dipekerjakan mengemis oleh orang dewasa
4|Perempuan di desa kami tidak pernah dilibatkan dalam musrenbang desa
4|Cuti melahirkan pegawai kontrak perempuan di instansi pemerintah dipotong, tidak adil
5|Lansia sebatang kara di {desa} tinggal di gubuk reyot tanpa bantuan apa pun
5|Tidak ada antrean prioritas untuk lansia di kantor samsat, ibu saya 75 thn disuruh antre berdiri 3 jam
6|Masyarakat adat di {place} tidak diakui, hutan adat kami diklaim perusahaan
6|Penghayat kepercayaan kesulitan mencantumkan kepercayaannya di KTP dan sekolah anak
""",
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT": """
1|PKL jualan di trotoar depan pasar {place} sampai ke badan jalan, macet tiap sore
1|Pedagang kaki lima di alun-alun buang sampah sembarangan dan dagangannya nutup jalur pejalan kaki
1|lapak pkl dibongkar satpol pp tanpa pemberitahuan dan dagangan kami diangkut
2|Bangunan liar berdiri di atas saluran irigasi di {desa}, air jadi tersumbat
2|Reklame besar di perempatan tidak berizin dan miring hampir roboh, membahayakan pengendara
2|baliho caleg yg udah kadaluarsa ga dicopot2, nutupin rambu
3|Ada balap liar tiap malam minggu di jalan lingkar {place}, suara knalpot brong ganggu warga
3|warga bikin acara dangdutan sampai jam 3 pagi pake sound horeg, lingkungan tdk bisa tidur
3|Orang gangguan jiwa berkeliaran dan mengamuk di pasar {kec}, warga takut
4|Tempat karaoke di dekat sekolah buka sampai subuh dan diduga ada prostitusi
4|Kafe remang-remang di {kec} jualan miras ke anak di bawah umur
5|Ada sekelompok preman minta uang keamanan ke pedagang pasar setiap hari
5|jukir liar minta duit 5rb sambil ngancam di minimarket {place}
5|Pemuda mabuk sering memalak pengendara motor di jalan desa {desa} malam hari
6|Hidran di kompleks kami sudah lama mati, kalau kebakaran damkar susah dapat air|Damkar {kab}|kabupaten/kota
6|Mobil damkar datang 1 jam setelah ditelpon saat rumah tetangga terbakar, pos damkar jauh|Damkar {kab}|kabupaten/kota
6|cincin tersangkut di jari anak saya, sdh minta tolong ke damkar tp katanya harus bayar|Damkar {kab}|kabupaten/kota
7|Anggota linmas di desa kami tidak pernah dapat honor dan pelatihan
7|Pos kamling di kompleks tidak berfungsi, sering terjadi pencurian motor, mohon patroli
""",
    "LINGKUNGAN HIDUP DAN KEHUTANAN": """
1|Sampah menumpuk di TPS {kec} sudah 2 minggu tidak diangkut, bau busuk dan banyak lalat
1|truk sampah DLH cuma lewat sebulan sekali, warga terpaksa bakar sampah
1|Ada TPS liar di pinggir sungai {place}, orang buang sampah dari mobil tiap malam
1|TPA overload, sampah longsor ke sawah warga
2|Sungai di {desa} berubah warna hitam dan ikan mati setelah pabrik tahu buang limbah
2|Limbah peternakan babi dibuang ke sungai, air sumur warga bau
3|Asap pembakaran dari pabrik batu bata bikin sesak napas anak-anak tiap pagi
3|pabrik di kawasan industri {place} keluarkan asap hitam pekat, debunya nempel di jemuran
4|Limbah B3 oli bekas dibuang di lahan kosong di {kec}
4|perusahaan tambang nikel buang tailing ke laut, air jadi merah
5|Pohon besar di pinggir jalan {place} sudah lapuk dan miring, mohon dipangkas sebelum tumbang
5|Taman kota dijadikan lahan parkir dan ruko, ruang terbuka hijau makin habis
6|Banjir setinggi pinggang di perumahan kami di {place} setiap hujan deras, sudah 3 hari belum surut|BPBD {kab}|kabupaten/kota
6|banjir bandang lagi di {desa}, warga butuh perahu karet dan logistik segera|BPBD {kab}|kabupaten/kota
6|Tanggul sungai jebol, air masuk ke rumah warga, pengungsi belum dapat bantuan|BPBD {kab}|kabupaten/kota
7|Rumah kami retak berat akibat gempa minggu lalu tapi belum didata untuk bantuan perbaikan|BPBD {kab}|kabupaten/kota
7|pasca gempa warga {desa} masih tidur di tenda, bantuan dari BPBD blm sampai|BPBD {kab}|kabupaten/kota
8|Tebing di samping jalan desa longsor menutup akses, warga terisolasi|BPBD {kab}|kabupaten/kota
8|Retakan tanah makin lebar di bukit belakang rumah, takut longsor kalau hujan lagi|BPBD {kab}|kabupaten/kota
9|Kebakaran lahan gambut di {place} belum padam, asapnya bikin ISPA|BPBD {prov}|provinsi
9|ada pembakaran lahan untuk buka kebun sawit, asap sampai ke kota|Kementerian Kehutanan|pusat
10|Pembalakan liar di hutan lindung {place}, truk kayu keluar masuk tiap malam|Kementerian Kehutanan|pusat
10|Kawasan hutan produksi dirambah jadi kebun oleh oknum pengusaha, polhut diam saja|Dinas Kehutanan {prov}|provinsi
""",
    "PEKERJAAN UMUM DAN PENATAAN RUANG": """
1|Jalan di depan SD {desa} berlubang besar, sudah ada 3 pengendara motor jatuh minggu ini
1|jln berlubang dmn2 di ruas {kec}, klo hujan ga keliatan lubangnya bahaya bgt
1|Lubang di jalan nasional lintas timur dekat {place} sangat dalam, truk sering terperosok|Kementerian PU|pusat
1|jalan provinsi dari {place} ke ibukota provinsi banyak lubang tapi cuma ditambal pasir|Dinas PUPR {prov}|provinsi
1|potholes everywhere on the main road near the market, please fix asap
2|Jalan kabupaten menuju {kec} rusak parah sejak 5 tahun, aspal hilang jadi jalan tanah
2|jalan poros desa kami becek dan berlumpur saat hujan, anak sekolah sering jatuh
2|Perbaikan jalan baru sebulan sudah rusak lagi, kualitas aspal diduga tidak sesuai spek
3|Jembatan gantung penghubung dua desa di {kec} putus, anak sekolah menyeberang sungai pakai rakit
3|Papan lantai jembatan kayu sudah lapuk dan bolong, motor tidak berani lewat
3|Jembatan di jalan nasional retak dan bergetar saat truk lewat|Kementerian PU|pusat
4|Lampu penerangan jalan umum di sepanjang jalan {place} mati semua, rawan begal malam hari
4|PJU di gang kami mati sudah 3 bulan, sudah lapor ke kelurahan tapi tidak ada tindakan
4|street light depan komplek mati semua, gelap gulita
5|Gorong-gorong tersumbat sampah sehingga air meluap ke jalan tiap hujan
5|Saluran drainase di pinggir jalan {kec} tidak pernah dikeruk, jadi sarang nyamuk
5|selokan mampet bau bgt, airnya luber ke rumah warga
6|Saluran irigasi sekunder di {desa} jebol, sawah ratusan hektar kekeringan
6|Pintu air bendungan rusak, air tidak bisa mengalir ke sawah petani
7|Trotoar di jalan protokol {place} rusak, banyak paving lepas dan lubang
7|Trotoar dipakai parkir mobil dan pedagang, pejalan kaki terpaksa jalan di aspal
8|Bangunan ruko berdiri di sempadan sungai tanpa PBG, pemda diam saja
8|izin PBG rumah saya sudah 6 bulan belum terbit di dinas, padahal syarat lengkap
9|Sertifikat tanah saya di kantor pertanahan tidak selesai selesai sejak program PTSL 2019|Kantor Pertanahan {kab}|instansi vertikal
9|Tanah saya tiba-tiba bersertifikat atas nama orang lain, tumpang tindih di BPN|Kantor Pertanahan {kab}|instansi vertikal
9|pengukuran tanah di bpn diminta biaya tambahan di luar PNBP|Kantor Pertanahan {kab}|instansi vertikal
10|Program bedah rumah tidak layak huni di {desa} hanya untuk keluarga perangkat desa|Disperkim {kab}|kabupaten/kota
10|Perumahan subsidi yang kami beli retak dan bocor, pengembang kabur|Disperkim {kab}|kabupaten/kota
""",
    "PEMBANGUNAN DESA, DAERAH TERTINGGAL, DAN TRANSMIGRASI": """
1|Penggunaan dana desa di {desa} tidak transparan, papan informasi APBDes tidak pernah dipasang
1|Kades {desa} diduga menggelapkan dana desa untuk beli mobil pribadi
1|proyek dana desa dikerjakan asal2an, baru 2 bulan rabat beton udah retak
2|BLT dana desa tidak diberikan ke warga miskin, malah ke keluarga perangkat desa
2|Nama saya ada di daftar penerima BLT DD tapi uangnya sudah diambil orang lain
2|blt dd bulan ini dipotong 50rb sama kadus katanya buat uang lelah
3|Kepala desa jarang masuk kantor, pelayanan surat menyurat di kantor desa terbengkalai
3|Perangkat desa minta uang untuk pembuatan surat keterangan tidak mampu
3|Pengangkatan perangkat desa di {desa} tidak melalui seleksi, yang diangkat anak kades
4|Jalan usaha tani yang dibangun pakai dana desa sudah rusak dan tidak diperbaiki
4|Air bersih desa dari program Pamsimas mati sejak setahun, tidak ada pengelola
5|Dana penyertaan modal ke BUMDes {desa} hilang, unit usahanya tidak pernah jalan
5|Laporan keuangan BUMDes tidak pernah disampaikan ke warga di musyawarah desa
6|Panitia pilkades curang, ada pemilih dari luar desa dan surat suara sudah dicoblos
6|Pemilihan kepala desa di {desa} ditunda terus tanpa alasan jelas oleh bupati
7|Desa kami di pedalaman {place} belum ada listrik dan sinyal, jalan hanya setapak
7|Daerah tertinggal di perbatasan belum tersentuh pembangunan, sekolah dan puskesmas jauh sekali
8|Lahan usaha transmigran di UPT {place} belum diserahkan sejak kami datang tahun 2015|Kementerian Transmigrasi|pusat
8|Sertifikat lahan transmigrasi kami tumpang tindih dengan izin perkebunan|Kementerian Transmigrasi|pusat
""",
    "PENDIDIKAN DAN KEBUDAYAAN": """
1|Anak saya tidak diterima di SMP negeri terdekat padahal rumah 300 meter dari sekolah, sistem zonasi kacau
1|SPMB SMA jalur domisili banyak titipan, KK numpang alamat dekat sekolah|Dinas Pendidikan {prov}|provinsi
1|web pendaftaran murid baru down terus pas hari terakhir, anak saya belum daftar
2|Sekolah minta uang gedung 3 juta untuk siswa baru SD negeri, katanya sumbangan wajib
2|SMA negeri di {place} mewajibkan beli seragam dan LKS di koperasi sekolah dengan harga mahal|Dinas Pendidikan {prov}|provinsi
2|pungutan study tour wajib 2,5jt, yg gak ikut diancam nilai dikurangi
3|Dana BOS di SD kami diduga dimark up, laporan penggunaan tidak pernah ditempel
3|Kepala sekolah menggunakan dana BOS untuk renovasi rumah pribadi
4|Guru honorer di SD {desa} digaji 300 ribu per bulan dan dibayar per 3 bulan
4|tunjangan sertifikasi guru telat 2 triwulan, info dr dinas ga jelas
4|Guru sering tidak masuk mengajar, murid hanya diberi tugas mencatat
5|Atap ruang kelas SD negeri {desa} ambruk, murid belajar di teras sekolah
5|Sekolah kami tidak punya toilet layak, siswa harus ke rumah warga
5|bangku dan meja sekolah rusak, siswa duduk di lantai
6|Ijazah saya ditahan sekolah swasta karena masih ada tunggakan SPP
6|Nama di ijazah SMP anak saya salah ketik, sekolah bilang tidak bisa diperbaiki
6|NISN anak saya tidak terdaftar di dapodik sehingga tidak bisa ikut ujian
7|Kampus negeri menaikkan UKT anak saya dari golongan 2 ke golongan 7 tanpa verifikasi|Kemdiktisaintek|pusat
7|Ijazah dari kampus swasta di {place} tidak terdaftar di PDDikti, ternyata prodi tidak terakreditasi|Kemdiktisaintek|pusat
8|KIP Kuliah saya dicabut tiba-tiba padahal IPK saya di atas 3|Kemdiktisaintek|pusat
8|pencairan dana KIP kuliah semester ini telat, uang kos dan makan gak ada|Kemdiktisaintek|pusat
9|Situs cagar budaya candi di {place} dirusak untuk pembangunan perumahan|Kementerian Kebudayaan|pusat
9|Museum daerah tutup dan koleksinya tidak terawat, banyak benda bersejarah hilang|Disbudpar {kab}|kabupaten/kota
9|sanggar tari tradisional kami tidak pernah dapat pembinaan dari pemerintah|Disbudpar {kab}|kabupaten/kota
""",
    "PERTANIAN DAN PETERNAKAN": """
1|Pupuk bersubsidi urea langka di kios resmi {kec}, petani harus beli nonsubsidi 2x lipat
1|Kios pupuk menjual pupuk subsidi di atas HET dan mewajibkan beli pestisida
1|nama saya tidak masuk e-RDKK jadi tidak bisa tebus pupuk subsidi
2|Bantuan bibit jagung dari dinas pertanian banyak yang tidak tumbuh, benihnya jelek
2|Bibit sapi bantuan pemerintah dibagi hanya ke kelompok tani milik kerabat kepala dinas
3|Traktor bantuan alsintan dikuasai ketua kelompok tani, anggota harus sewa mahal
3|Combine harvester bantuan pemerintah tidak pernah dipakai, mangkrak di rumah kades
4|Harga gabah anjlok saat panen raya di {place}, Bulog tidak menyerap|Bulog|BUMN
4|harga sawit TBS petani jatuh ke 1000 per kilo, pabrik seenaknya menentukan harga
5|Penyuluh pertanian lapangan tidak pernah datang ke desa kami, kelompok tani tidak dibina
5|Ketua gapoktan di {desa} menggelapkan dana bantuan kelompok
6|Sapi warga mati mendadak diduga PMK, belum ada petugas keswan yang memeriksa
6|Vaksinasi rabies hewan tidak pernah dilakukan di {kec}, banyak anjing liar
6|Flu burung menyerang ayam ternak warga, ratusan ekor mati
7|Klaim asuransi usaha tani padi AUTP kami ditolak padahal sawah puso akibat banjir
7|premi asuransi ternak sudah dibayar tapi sapi yang mati tidak diganti
8|Bantuan perahu dan jaring untuk nelayan di {place} tidak tepat sasaran|Dinas Kelautan dan Perikanan {kab}|kabupaten/kota
8|Solar subsidi untuk nelayan susah didapat, SPBUN tidak beroperasi|Dinas Kelautan dan Perikanan {kab}|kabupaten/kota
8|bantuan benih ikan lele dari dinas mati semua dalam seminggu|Dinas Kelautan dan Perikanan {kab}|kabupaten/kota
""",
    "POLITIK DAN HUKUM": """
1|Pengurusan paspor di kantor imigrasi {place} antre dari subuh, kuota online selalu penuh|Kantor Imigrasi {place}|instansi vertikal
1|Calo paspor berkeliaran di kantor imigrasi dan menawarkan jalur cepat 2 juta|Kantor Imigrasi {place}|instansi vertikal
1|WNA overstay bekerja di tambang tanpa izin tinggal di {place}|Kantor Imigrasi {place}|instansi vertikal
2|Warga digusur paksa dari tanah leluhur tanpa ganti rugi, aparat melakukan kekerasan|Kementerian Hak Asasi Manusia|pusat
2|Kebebasan berpendapat mahasiswa dibungkam, mereka diintimidasi karena mengkritik bupati|Kementerian Hak Asasi Manusia|pusat
3|Petugas kelurahan minta uang 200 ribu untuk surat pengantar, katanya uang administrasi|Inspektorat {kab}|kabupaten/kota
3|Pungli di jembatan timbang, sopir truk harus bayar 50 ribu tanpa tanda terima|Inspektorat {kab}|kabupaten/kota
3|ada pungli pas bikin SKCK di polsek, disuruh bayar 50rb|Polri|pusat
4|Camat {kec} memakai mobil dinas untuk mudik dan urusan keluarga|Inspektorat {kab}|kabupaten/kota
4|Kepala dinas memutasi pegawai yang menolak ikut arisan pejabat|Inspektorat {kab}|kabupaten/kota
5|Proyek pembangunan pasar di {place} diduga dikorupsi, bangunan mangkrak padahal anggaran habis|KPK|pusat
5|Pengadaan alat kesehatan di dinkes dimark up tiga kali lipat dari harga pasar|KPK|pusat
6|Petugas PPS di TPS {desa} membagikan uang agar memilih calon tertentu|Bawaslu|pusat
6|DPT pemilu banyak nama orang yg sudah meninggal, daftar pemilih tidak dimutakhirkan|KPU|pusat
7|Laporan kehilangan saya di polsek tidak ditindaklanjuti sudah 6 bulan|Polri|pusat
7|Polisi lalu lintas minta damai 100 ribu saat razia, tidak diberi surat tilang|Polri|pusat
8|Jaksa penuntut umum di kejari {place} tidak kunjung melimpahkan berkas perkara kami|Kejaksaan RI|pusat
8|barang bukti motor saya di kejaksaan tidak dikembalikan padahal perkara sudah inkracht|Kejaksaan RI|pusat
9|Pelayanan PTSP di pengadilan negeri {place} lambat, salinan putusan 3 bulan belum diberikan|Mahkamah Agung|pusat
9|panitera pengadilan agama minta uang pelicin agar sidang cerai dipercepat|Mahkamah Agung|pusat
10|Keluarga napi di lapas {place} harus bayar untuk bisa jenguk, kamar lapas overkapasitas|Kementerian Imigrasi dan Pemasyarakatan|pusat
10|Ada peredaran HP dan narkoba di dalam rutan, petugas diduga terlibat|Kementerian Imigrasi dan Pemasyarakatan|pusat
""",
    "POLITISASI ASN": """
1|Kepala dinas dimutasi ke kecamatan terpencil setelah menolak mendukung calon petahana di pilkada
1|pasca pilkada banyak pejabat eselon di {place} dinonjobkan karena dianggap bukan tim sukses
1|Promosi jabatan di pemkab {place} hanya untuk ASN yang ikut kampanye bupati terpilih
2|Kami guru PNS dikumpulkan camat dan diminta mengajak wali murid memilih calon tertentu
2|ASN diancam dipindah tugas kalau keluarganya tidak pilih istri bupati di pilkada
2|atasan saya maksa kami posting dukungan ke calon gubernur, kalau nggak dicatat
3|Mobil dinas pemkab {place} dipakai untuk mengangkut massa kampanye
3|Gedung kantor kecamatan dipakai rapat tim pemenangan salah satu paslon
3|fasilitas negara (aula dinas) dipinjamkan gratis buat konsolidasi partai
4|Penyaluran bansos dari dinas sosial ditempeli stiker foto calon bupati petahana
4|Program bedah rumah dijanjikan hanya untuk desa yang menang suara petahana
4|Pembagian sembako program pemerintah disertai ajakan memilih calon tertentu
""",
}
