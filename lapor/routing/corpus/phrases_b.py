# ruff: noqa: E501
"""Hand-written core reports, part B (same format as part A)."""

B = {
    "SOSIAL DAN KESEJAHTERAAN": """
1|Keluarga kami sangat miskin, suami lumpuh, tapi tidak pernah dapat bansos apa pun dari pemerintah
1|bansos beras 10 kg dibagi dua oleh RT, satu karung untuk dua keluarga
1|Penerima bansos di {desa} banyak yang punya mobil dan rumah bagus, yang miskin malah tidak dapat
2|Kartu sembako BPNT saya saldonya kosong sudah 4 bulan, e-warong bilang belum masuk
2|E-warong memaksa penerima BPNT mengambil paket sembako yang harganya jauh di atas pasar
2|Pendamping BPNT menahan kartu KKS warga dan mengambil sendiri sembakonya
3|BST saya tidak cair padahal nama ada di cek bansos kemensos
3|pencairan bantuan sosial tunai di kantor pos antre berjam2, lansia pingsan
4|Kami keluarga miskin tapi tidak masuk DTKS, mau daftar ke desa dipersulit
4|data dtks saya tiba2 dihapus, status jadi mampu padahal rumah masih bilik bambu
4|Usulan DTKS melalui aplikasi cek bansos sudah 6 bulan belum diverifikasi dinsos
5|KIS PBI saya dinonaktifkan tanpa pemberitahuan, padahal harus cuci darah rutin
5|Kartu Indonesia Sehat dari pemda tidak bisa dipakai berobat di RSUD
6|Anak saya terdaftar penerima KIP tapi dana PIP-nya tidak pernah diterima, kata sekolah sudah cair
6|Dana PIP dipotong oleh sekolah 100 ribu untuk biaya administrasi
7|Kartu Keluarga Sejahtera (KKS) saya diblokir bank, tidak bisa ambil bantuan
7|KKS hilang, urus penggantian di bank penyalur dilempar ke dinsos terus
8|Dana PKH saya dipotong pendamping dengan alasan iuran kelompok
8|PKH tahap ini gak masuk ke rekening, pendamping PKH sulit dihubungi
8|Keluarga yang sudah mampu masih menerima PKH, sedangkan janda miskin di {desa} tidak dapat
9|Ada orang terlantar tidur di emperan toko di {place} berhari-hari, kondisinya sakit
9|Panti sosial milik pemda kondisinya sangat memprihatinkan, penghuni kurang makan
9|Ada ODGJ dipasung keluarga di {desa}, mohon dinsos bantu rehabilitasi
""",
    "SP4N-LAPOR!": """
1|Saya tidak bisa login ke akun LAPOR!, kode OTP tidak pernah masuk ke nomor HP saya|KemenPANRB|pusat
1|lupa password akun lapor, reset password via email ga pernah dikirim|KemenPANRB|pusat
1|Akun LAPOR saya terblokir tanpa alasan setelah membuat beberapa laporan|KemenPANRB|pusat
2|Aplikasi LAPOR di android selalu force close saat upload foto lampiran|KemenPANRB|pusat
2|situs lapor.go.id error 500 waktu kirim laporan, sudah dicoba berkali-kali|KemenPANRB|pusat
2|Fitur lacak laporan dengan nomor tracking tidak berfungsi|KemenPANRB|pusat
3|Laporan saya di LAPOR! sudah 3 bulan statusnya masih diproses tanpa tindak lanjut|KemenPANRB|pusat
3|Tindak lanjut laporan saya hanya jawaban template, masalah tidak diselesaikan tapi laporan ditutup|KemenPANRB|pusat
3|laporan saya didisposisikan bolak-balik antar instansi, tidak ada yang mau menangani|KemenPANRB|pusat
4|Usul agar aplikasi LAPOR bisa menerima laporan lewat WhatsApp dan pesan suara|KemenPANRB|pusat
4|Saran: tambahkan notifikasi SMS ketika laporan dibalas admin instansi|KemenPANRB|pusat
4|Mohon identitas pelapor benar-benar dirahasiakan, saya takut laporan sebelumnya bocor ke terlapor|KemenPANRB|pusat
""",
    "ENERGI DAN SUMBER DAYA ALAM": """
1|Air PDAM di perumahan kami di {place} mati sudah seminggu tanpa pemberitahuan|PDAM {kab}|BUMD
1|air pdam keruh bgt kaya kopi susu, tp tagihan tetep naik|PDAM {kab}|BUMD
1|Tagihan PDAM saya 1,2 juta padahal pemakaian normal, meteran diduga rusak|PDAM {kab}|BUMD
1|pipa PDAM bocor di pinggir jalan sudah sebulan, air terbuang percuma|PDAM {kab}|BUMD
2|Listrik padam setiap hari 3-4 jam di {kec} tanpa jadwal, alat elektronik warga rusak|PLN|BUMN
2|mati lampu lagi mati lampu lagi, tiap hujan dikit pln langsung padam|PLN|BUMN
2|Trafo di gang kami meledak, sudah 2 hari listrik belum nyala|PLN|BUMN
3|Token listrik sudah dibeli tapi tidak bisa dimasukkan ke meteran, kode salah terus|PLN|BUMN
3|Tagihan listrik pascabayar naik 3x lipat tanpa alasan, petugas catat meter tidak pernah datang|PLN|BUMN
4|Sudah bayar biaya penyambungan listrik baru sejak 4 bulan tapi meteran belum dipasang|PLN|BUMN
4|Petugas PLN minta uang tambahan untuk tambah daya di luar tarif resmi|PLN|BUMN
5|SPBU di {place} sering kehabisan solar, antrean truk sampai ke jalan raya|Pertamina|BUMN
5|Pertalite di SPBU dijual ke pengecer pakai jerigen, warga tidak kebagian|Pertamina|BUMN
5|BBM yg saya beli di SPBU dicampur air, motor langsung mogok|Pertamina|BUMN
6|Gas elpiji 3 kg langka di {kec}, kalau ada harganya 35 ribu|Pertamina|BUMN
6|Pangkalan LPG melon hanya melayani warung besar, warga miskin tidak dapat|Pertamina|BUMN
6|lpg 3kg isinya kurang, ditimbang cuma 2,5 kg|Pertamina|BUMN
7|Tambang pasir ilegal di sungai {place} merusak jembatan dan sawah warga|Dinas ESDM {prov}|provinsi
7|Lubang bekas tambang batu bara tidak direklamasi, sudah ada anak tenggelam|Dinas ESDM {prov}|provinsi
8|PLTS bantuan pemerintah di desa kami rusak sejak 2 tahun, kembali gelap gulita|Dinas ESDM {prov}|provinsi
8|Program konversi kompor listrik tidak jelas kelanjutannya, kompor dibagikan tapi daya tidak dinaikkan|Kementerian ESDM|pusat
""",
    "EVAKUASI HEWAN LIAR": """
1|Ada ular kobra masuk ke rumah kami di {place}, tolong damkar evakuasi secepatnya|Damkar {kab}|kabupaten/kota
1|ular sanca besar di plafon rumah, anak2 ketakutan, mohon bantuan petugas|Damkar {kab}|kabupaten/kota
1|banyak anakan kobra muncul di halaman sekolah setelah hujan|Damkar {kab}|kabupaten/kota
2|Sarang tawon vespa besar di pohon depan rumah, tetangga sudah ada yang tersengat|Damkar {kab}|kabupaten/kota
2|ada sarang tawon ndas di atap masjid, jamaah takut|Damkar {kab}|kabupaten/kota
2|sarang lebah madu hutan di ventilasi kelas SD, murid disengat|Damkar {kab}|kabupaten/kota
3|Buaya muncul di sungai dekat permukiman warga {desa}, warga tidak berani mandi dan mencuci|BKSDA|pusat
3|Beruang madu masuk kebun warga dan merusak tanaman, warga takut keluar malam|BKSDA|pusat
3|monyet ekor panjang liar masuk ke rumah2 dan mencuri makanan, ada anak digigit|Damkar {kab}|kabupaten/kota
3|harimau sumatera terlihat di dekat kebun karet, ternak warga dimangsa|BKSDA|pusat
4|Ada orang memelihara kukang dan elang jawa di rumah, satwa dilindungi diperjualbelikan di medsos|BKSDA|pusat
4|penjual burung di pasar {place} menjual burung cendrawasih dan kakatua yang dilindungi|BKSDA|pusat
4|Penyu terdampar di pantai dan dagingnya diambil warga, mohon petugas konservasi datang|BKSDA|pusat
5|Anjing liar berkeliaran di kompleks dan menggigit anak saya, takut rabies|Dinas Pertanian {kab}|kabupaten/kota
5|Gerombolan anjing liar sering mengejar pengendara motor di jalan {kec} malam hari|Damkar {kab}|kabupaten/kota
5|ada anjing gila gigit 3 warga, butuh VAR di puskesmas tp kosong|Dinas Kesehatan {kab}|kabupaten/kota
""",
    "FASILITAS DIPLOMATIK": """
1|Diplomat asing menabrak motor warga lalu menolak bertanggung jawab dengan alasan kekebalan diplomatik|Kementerian Luar Negeri|pusat
1|Pegawai kedutaan asing tidak membayar sewa rumah berbulan-bulan dan berlindung di balik hak imunitas|Kementerian Luar Negeri|pusat
1|Mohon penjelasan apakah keluarga diplomat juga punya kekebalan hukum atas pelanggaran lalu lintas|Kementerian Luar Negeri|pusat
2|Mobil berpelat CD parkir sembarangan di trotoar setiap hari, petugas tidak berani menindak|Kementerian Luar Negeri|pusat
2|Ada kendaraan pribadi yang memakai pelat nomor diplomatik palsu untuk menghindari ganjil genap|Kementerian Luar Negeri|pusat
2|plat korps diplomatik di mobil mewah dipakai buat balap di tol, mohon dicek keabsahannya|Kementerian Luar Negeri|pusat
3|Demonstrasi di depan kedutaan besar berlangsung ricuh, pagar kantor perwakilan asing dirusak|Kementerian Luar Negeri|pusat
3|Keamanan kantor konsulat asing di {place} kurang, sering ada orang mencurigakan|Kementerian Luar Negeri|pusat
4|Pengajuan visa dinas untuk tugas ke luar negeri tertahan di kementerian selama sebulan|Kementerian Luar Negeri|pusat
4|paspor diplomatik saya hampir habis masa berlaku, proses perpanjangan di kemlu sangat lama|Kementerian Luar Negeri|pusat
4|Permohonan clearance visa diplomatik untuk tamu delegasi kami belum diproses|Kementerian Luar Negeri|pusat
""",
    "KEKERASAN DI SATUAN PENDIDIKAN": """
1|Anak saya di SMP dirundung teman sekelas setiap hari, diejek dan barangnya dibuang, guru diam saja
1|anak sy dibully di grup wa kelas, dikatain miskin sampe ga mau sekolah
1|Video perundungan siswa SD di {place} viral, pelaku tidak diberi sanksi oleh sekolah
2|Guru olahraga menampar dan menendang murid karena terlambat masuk lapangan
2|Kakak kelas memukuli adik kelas saat MPLS, anak saya sampai dirawat di rumah sakit
3|Wali kelas mempermalukan anak saya di depan kelas karena belum bayar iuran
3|Guru mengancam tidak menaikkan kelas kalau orang tua protes ke kepala sekolah
4|Oknum guru melakukan pelecehan seksual terhadap beberapa siswi di SMA {place}|Dinas Pendidikan {prov}|provinsi
4|anak perempuan saya dipegang2 guru les di sekolah, sekolah malah minta kami diam
5|Siswi berjilbab dipaksa melepas jilbab di sekolah negeri, ini diskriminasi
5|Anak saya dilarang ikut kegiatan sekolah karena agamanya berbeda
6|Mahasiswa baru dipukul senior saat ospek di kampus {place}|Kemdiktisaintek|pusat
6|Dosen pembimbing melecehkan mahasiswi bimbingannya, Satgas PPKS kampus tidak bertindak|Kemdiktisaintek|pusat
7|Santri di pondok pesantren {desa} dianiaya seniornya hingga luka parah|Kementerian Agama|pusat
7|Guru madrasah memukul siswa MI pakai penggaris sampai tangannya bengkak|Kementerian Agama|pusat
""",
    "KEPENDUDUKAN": """
1|KTP elektronik saya sudah rekam sejak 2 tahun lalu tapi belum dicetak karena blanko habis
1|ktp saya rusak mau ganti baru di disdukcapil disuruh bolak balik ke kecamatan
1|Petugas dukcapil minta uang 100 ribu supaya e-KTP cepat jadi
2|Pengurusan kartu keluarga di {place} memakan waktu sebulan padahal katanya 1 hari jadi
2|mau pecah KK karena sdh nikah, tapi online dukcapil ga bisa diakses
2|Nama anak saya tidak masuk di KK baru setelah cetak ulang
3|Akta kelahiran anak saya salah tulis tanggal lahir, pembetulan dipersulit
3|Bayi lahir di rumah tidak bisa dibuatkan akta karena tidak ada surat keterangan lahir bidan
4|Mengurus akta kematian ayah saya butuh surat dari RT, RW, desa dan kecamatan, sangat berbelit
4|Data orang yang sudah meninggal masih tercatat hidup di dukcapil, dipakai untuk bansos
5|Surat pindah domisili dari {place} tidak bisa diproses karena data saya masih aktif di daerah asal
5|sudah 2 bulan pindah datang tapi NIK masih terdaftar di kota lama, ga bisa urus BPJS
6|Akta perceraian dari pengadilan agama sudah ada tapi status di KTP belum berubah
6|Pencatatan perkawinan non muslim di dukcapil dipersulit dengan syarat tambahan
7|Kartu Identitas Anak tidak bisa dibuat di {place}, katanya blanko KIA kosong
8|Aktivasi IKD di aplikasi identitas kependudukan digital gagal terus, QR code tidak terbaca
8|Disuruh aktivasi KTP digital oleh kelurahan padahal HP saya tidak mendukung
9|NIK saya tercatat ganda dengan orang lain sehingga tidak bisa daftar sekolah dan BPJS
9|data kependudukan saya tidak padan di dukcapil, nomor HP tidak bisa registrasi kartu SIM
9|NIK saya dipakai orang lain untuk daftar pinjol dan kartu SIM, minta dukcapil blokir
""",
    "KERJASAMA BILATERAL": """
1|Mohon informasi isi perjanjian bilateral Indonesia dengan negara tetangga soal batas laut|Kementerian Luar Negeri|pusat
1|Perjanjian ekstradisi dengan Singapura belum juga dipakai untuk memulangkan buronan korupsi|Kementerian Luar Negeri|pusat
1|Kenapa perjanjian bebas visa dengan negara X belum diratifikasi, WNI masih harus bayar visa mahal|Kementerian Luar Negeri|pusat
2|Kerja sama dagang bilateral dengan Tiongkok membuat produk lokal UMKM kalah bersaing|Kementerian Luar Negeri|pusat
2|Eksportir kopi kami terhambat aturan baru negara mitra, mohon fasilitasi perundingan dagang bilateral|Kementerian Luar Negeri|pusat
2|investasi asing dari perjanjian bilateral smelter malah mempekerjakan TKA kasar, bukan warga lokal|Kementerian Luar Negeri|pusat
3|Beasiswa kerja sama pemerintah Indonesia-Jepang pengumumannya tidak transparan|Kementerian Luar Negeri|pusat
3|Program pertukaran pelajar bilateral dibatalkan sepihak, biaya yang sudah kami keluarkan tidak diganti|Kementerian Luar Negeri|pusat
3|mohon info beasiswa kerjasama pemerintah korea utk guru, kok tidak ada sosialisasi|Kementerian Luar Negeri|pusat
4|Program sister city kota {place} dengan kota di Australia hanya jadi ajang jalan-jalan pejabat|Kementerian Luar Negeri|pusat
4|Kerja sama pemprov dengan provinsi di luar negeri tidak pernah dilaporkan hasilnya ke masyarakat|Kementerian Luar Negeri|pusat
4|MoU pemda dengan perusahaan asing soal pengelolaan sampah tidak jelas kelanjutannya|Kementerian Luar Negeri|pusat
""",
    "KERJASAMA MULTILATERAL": """
1|Sebagai ketua ASEAN, Indonesia kurang tegas menangani pengungsi Rohingya yang terdampar di Aceh|Kementerian Luar Negeri|pusat
1|Mohon pemerintah mendorong ASEAN menyelesaikan krisis Myanmar, banyak pengungsi ke wilayah kita|Kementerian Luar Negeri|pusat
1|Kebijakan ASEAN single window untuk ekspor masih sering error, barang kami tertahan|Kementerian Luar Negeri|pusat
2|Indonesia sebagai anggota Dewan HAM PBB harus bersuara soal Palestina lebih keras|Kementerian Luar Negeri|pusat
2|Mohon informasi rekrutmen pasukan perdamaian PBB dan staf PBB dari Indonesia|Kementerian Luar Negeri|pusat
2|Laporan Indonesia ke UNHCR soal pengungsi tidak dipublikasikan, kami minta transparansi|Kementerian Luar Negeri|pusat
3|Keputusan pemerintah di forum G20 soal pajak minimum global berdampak ke usaha kami, mohon penjelasan|Kementerian Luar Negeri|pusat
3|Komitmen di forum WTO merugikan petani gula lokal, impor dibuka terlalu lebar|Kementerian Luar Negeri|pusat
3|Hasil KTT APEC tidak pernah disosialisasikan ke pelaku usaha kecil|Kementerian Luar Negeri|pusat
4|Dana hibah organisasi internasional untuk penanganan iklim di daerah kami tidak jelas penggunaannya|Kementerian Luar Negeri|pusat
4|Indonesia perlu lebih aktif di OKI membela muslim Uighur|Kementerian Luar Negeri|pusat
4|Pinjaman Bank Dunia untuk proyek air bersih di {place} mangkrak, mohon diaudit|Kementerian Luar Negeri|pusat
""",
    "KETENAGAKERJAAN": """
1|Perusahaan tempat saya bekerja di {place} membayar upah di bawah UMK dan tidak ada slip gaji
1|gaji udah telat 3 bulan, hrd cuma bilang sabar perusahaan lagi susah
1|Kami dipaksa lembur sampai jam 11 malam tanpa uang lembur
1|Pekerja kontrak diperpanjang terus tiap 3 bulan selama 5 tahun, tidak diangkat jadi karyawan tetap
2|Saya di-PHK sepihak tanpa pesangon setelah 8 tahun bekerja di pabrik garmen
2|karyawan hamil langsung di PHK, katanya kontrak habis
3|THR tahun ini tidak dibayar perusahaan, alasannya rugi, padahal masih buka cabang baru
3|thr dicicil 3x dan dibayar setelah lebaran, mohon disnaker tindak
4|Perusahaan memotong gaji untuk iuran BPJS Ketenagakerjaan tapi tidak disetorkan|BPJS Ketenagakerjaan|BUMN
4|Klaim JHT saya di BPJS TK ditolak berkali-kali karena beda nama di KTP dan KPJ|BPJS Ketenagakerjaan|BUMN
4|pencairan JKK kecelakaan kerja suami saya sdh 4 bulan blm dibayar|BPJS Ketenagakerjaan|BUMN
5|Kakak saya jadi TKI di Malaysia, paspornya ditahan majikan dan gaji tidak dibayar|KP2MI/BP2MI|pusat
5|Sponsor PMI ilegal di {desa} merekrut warga ke Kamboja, dijanjikan kerja di kasino|KP2MI/BP2MI|pusat
5|Biaya penempatan PMI ke Taiwan diminta 40 juta oleh P3MI, katanya zero cost|KP2MI/BP2MI|pusat
6|Kenaikan pangkat PNS saya tertahan 2 tahun di BKD tanpa alasan|BKD {kab}|kabupaten/kota
6|Tunjangan kinerja ASN pemkab {place} belum dibayar 3 bulan|BKD {kab}|kabupaten/kota
7|Saya honorer 15 tahun tidak masuk database non ASN sehingga tidak bisa ikut seleksi PPPK|BKD {kab}|kabupaten/kota
7|gaji pppk paruh waktu cuma 500rb, lebih kecil dari waktu honorer|BKD {kab}|kabupaten/kota
7|Hasil seleksi PPPK guru diumumkan ulang dan nama saya hilang dari daftar lulus|BKN|pusat
8|Uang pensiun ayah saya di Taspen belum cair sejak SK pensiun keluar 6 bulan lalu|Taspen|BUMN
8|SK pensiun PNS saya belum terbit padahal sudah pensiun 4 bulan, tidak ada penghasilan|BKN|pusat
9|Pelatihan kerja di BLK {place} dipungut biaya padahal katanya gratis
9|Job fair disnaker cuma formalitas, lowongan yang dipajang ternyata sudah tutup
10|Pekerja pabrik bekerja tanpa APD, sudah 2 orang jari putus kena mesin
10|Buruh bangunan proyek gedung pemerintah tidak diberi helm dan tali pengaman, ada yang jatuh
""",
    "LEGALISASI KONSULER": """
1|Legalisasi ijazah untuk melamar kerja ke luar negeri di Kemlu butuh waktu lama dan syaratnya berubah-ubah|Kementerian Luar Negeri|pusat
1|Saya sudah legalisir akta di Kemenkum tapi ditolak di Kemlu, disuruh ulang dari awal|Kementerian Luar Negeri|pusat
1|Loket legalisasi dokumen di Kemlu tutup lebih awal dari jadwal, saya datang jauh dari {place}|Kementerian Luar Negeri|pusat
2|Permohonan apostille online di AHU selalu gagal bayar PNBP, dokumen saya mendesak|Kementerian Hukum|pusat
2|apostille akta kelahiran anak buat sekolah di Belanda, sistem ahu online error terus|Kementerian Hukum|pusat
2|Negara tujuan menolak apostille saya karena QR code tidak bisa diverifikasi|Kementerian Hukum|pusat
3|KBRI di Kuala Lumpur lambat sekali memproses SPLP untuk WNI yang paspornya hilang|Kementerian Luar Negeri|pusat
3|Pelayanan konsuler di KJRI Hong Kong antre panjang, janji temu online tidak bisa dibuka|Kementerian Luar Negeri|pusat
3|perpanjang paspor di KBRI tokyo harus nunggu 2 bulan, visa kerja sy keburu habis|Kementerian Luar Negeri|pusat
3|Pencatatan kelahiran anak kami di KBRI tidak bisa dilakukan karena persyaratan tidak jelas|Kementerian Luar Negeri|pusat
""",
    "NETRALITAS ASN": """
1|Seorang kepala sekolah PNS di {place} ikut berorasi di panggung kampanye calon bupati|Bawaslu|pusat
1|Camat dan lurah hadir memakai atribut partai saat kampanye akbar di lapangan|Bawaslu|pusat
1|ASN dinas kesehatan jadi tim sukses caleg, ikut bagi-bagi kaos di jam kerja|BKN|pusat
2|PNS guru di {place} posting dukungan capres di facebook dan mengajak murid memilih|BKN|pusat
2|asn nge-like dan share konten kampanye paslon di instagram, fotonya pose jari 2|BKN|pusat
2|Pegawai pemkab membuat grup WhatsApp pemenangan dan mengundang rekan kerja|BKN|pusat
3|Pejabat dinas mengumpulkan honorer untuk deklarasi dukungan pada pilkada|Bawaslu|pusat
3|ASN menjadi anggota KPPS sambil mengarahkan pemilih ke calon tertentu|Bawaslu|pusat
4|Kepala desa {desa} terang-terangan mengajak warga memilih calon bupati tertentu di acara desa|Bawaslu|pusat
4|kades dan perangkat desa pasang baliho caleg di depan kantor desa|Bawaslu|pusat
4|Perangkat desa mengancam mencoret warga dari daftar bansos jika tidak memilih caleg tertentu|Bawaslu|pusat
""",
    "PELINDUNGAN WNI": """
1|Adik saya ditahan polisi di Malaysia karena dokumen, keluarga tidak bisa menghubungi KBRI|Kementerian Luar Negeri|pusat
1|Mahasiswa Indonesia di Mesir kehabisan biaya dan sakit, mohon bantuan perwakilan RI|Kementerian Luar Negeri|pusat
1|WNI meninggal di Jepang, keluarga di {place} tidak mampu memulangkan jenazah|Kementerian Luar Negeri|pusat
2|Istri saya PMI di Arab Saudi disiksa majikan dan tidak boleh pulang, tolong KBRI|Kementerian Luar Negeri|pusat
2|Ibu saya PMI di Hongkong sakit keras tapi agen tidak mau urus kepulangan|Kementerian Luar Negeri|pusat
3|Anak saya dijanjikan kerja di Thailand ternyata dijual ke sindikat online scam di Myanmar|Kementerian Luar Negeri|pusat
3|perempuan2 dari {desa} dikirim ke luar negeri dengan visa turis lalu dipaksa kerja tanpa gaji|Kementerian Luar Negeri|pusat
4|Kami WNI terjebak di zona konflik Sudan, mohon segera dievakuasi|Kementerian Luar Negeri|pusat
4|Keluarga saya di Lebanon, situasi perang, bagaimana cara ikut evakuasi pemerintah|Kementerian Luar Negeri|pusat
5|Suami saya divonis hukuman mati di Arab Saudi, mohon pendampingan hukum pemerintah|Kementerian Luar Negeri|pusat
5|WNI asal {place} terancam hukuman cambuk di luar negeri, keluarga minta bantuan pengacara|Kementerian Luar Negeri|pusat
""",
    "PEMULIHAN EKONOMI NASIONAL": """
1|Sudah daftar BPUM banpres usaha mikro lewat dinas koperasi tapi tidak pernah cair|Kemenko Perekonomian|pusat
1|Bantuan produktif usaha mikro di {place} diterima orang yang tidak punya usaha|Kemenko Perekonomian|pusat
1|dana BPUM saya diblokir bank, disuruh kembalikan padahal sdh dipakai modal|Kemenko Perekonomian|pusat
2|Insentif Kartu Prakerja saya belum masuk padahal sudah selesai pelatihan dan isi ulasan|Kemenko Perekonomian|pusat
2|akun prakerja saya dinonaktifkan katanya terindikasi penerima bansos, padahal bukan|Kemenko Perekonomian|pusat
2|Pelatihan prakerja di platform digital kualitasnya rendah, cuma video seadanya|Kemenko Perekonomian|pusat
3|Bantuan subsidi upah BSU tidak saya terima padahal gaji di bawah 3,5 juta dan aktif BPJS TK|Kemnaker|pusat
3|BSU cair ke rekening yang sudah ditutup, dana tidak bisa diambil|Kemnaker|pusat
4|Permohonan restrukturisasi kredit saya sebagai korban PHK ditolak bank, cicilan tetap jalan|OJK|pusat
4|Leasing menolak relaksasi kredit motor ojol padahal pendapatan turun drastis|OJK|pusat
5|Insentif pajak PPh 21 DTP tidak diberikan perusahaan ke karyawan, malah tetap dipotong|Direktorat Jenderal Pajak|pusat
5|pengajuan insentif pajak UMKM PP 23 ditolak di KPP, syaratnya tidak jelas|Direktorat Jenderal Pajak|pusat
""",
    "P4GN": """
1|Ada rumah di gang {desa} yang jadi tempat transaksi sabu, orang keluar masuk tengah malam|BNN|pusat
1|bandar narkoba di kampung kami bebas jualan, katanya dibekingi oknum|BNN|pusat
1|Peredaran pil koplo dan obat keras tramadol ke pelajar di {kec}|BNN|pusat
1|tembakau sintetis dijual online ke anak SMA di {place}, tolong BNN tindak|BNN|pusat
2|Anak tetangga kecanduan ngelem dan sering mabuk di pos ronda|BNN|pusat
2|Oknum ASN di kantor kecamatan diduga pemakai narkoba, sering teler saat kerja|BNN|pusat
3|Bagaimana cara mendaftarkan anak saya rehabilitasi narkoba gratis di BNN kabupaten|BNN|pusat
3|Panti rehabilitasi swasta minta biaya 15 juta per bulan dan pasien dipukuli|BNN|pusat
3|Anak saya ditangkap karena pemakai, mohon diarahkan ke rehabilitasi bukan penjara|BNN|pusat
4|Sekolah kami ingin mengundang penyuluhan bahaya narkoba dari BNN, mohon info prosedurnya|BNN|pusat
4|Tes urine untuk pegawai pemda hanya formalitas, hasilnya tidak diumumkan|BNN|pusat
""",
    "PENIADAAN MUDIK": """
1|Pos penyekatan mudik di perbatasan {place} meloloskan mobil yang bayar ke petugas|Dinas Perhubungan {kab}|kabupaten/kota
1|Kami diputarbalikkan di titik penyekatan padahal membawa surat tugas kantor|Dinas Perhubungan {kab}|kabupaten/kota
1|penyekatan mudik bikin macet 10km, truk logistik ikut tertahan|Kementerian Perhubungan|pusat
2|Surat izin keluar masuk SIKM harus pakai tes antigen yang mahal, warga tidak mampu tidak bisa pulang|Kementerian Perhubungan|pusat
2|Pembuatan surat izin perjalanan di kelurahan dipungut biaya 50 ribu|Dinas Perhubungan {kab}|kabupaten/kota
3|Bus AKAP tetap beroperasi diam-diam saat larangan mudik dengan tarif dua kali lipat|Kementerian Perhubungan|pusat
3|travel gelap angkut pemudik lewat jalan tikus saat larangan mudik lebaran|Dinas Perhubungan {kab}|kabupaten/kota
3|Kapal penyeberangan tetap angkut penumpang mudik tanpa pemeriksaan saat peniadaan mudik|Kementerian Perhubungan|pusat
4|Tempat wisata pantai {place} penuh sesak saat larangan mudik lebaran, tidak ada pengawasan|Dinas Perhubungan {kab}|kabupaten/kota
4|mall dan pasar penuh kerumunan menjelang lebaran padahal mudik dilarang, tidak adil|Dinas Perhubungan {kab}|kabupaten/kota
""",
    "PERAIRAN": """
1|Kapal trawl cantrang dari luar daerah menangkap ikan di perairan {place}, nelayan kecil kehilangan tangkapan|Kementerian Kelautan dan Perikanan|pusat
1|nelayan pakai bom ikan dan potasium di karang, terumbu karang hancur|Dinas Kelautan dan Perikanan {prov}|provinsi
1|Kapal asing mencuri ikan di Laut Natuna, nelayan kami diusir|Kementerian Kelautan dan Perikanan|pusat
2|Tumpahan minyak dari kapal tanker mencemari pantai {place}, ikan dan kepiting mati|Kementerian Kelautan dan Perikanan|pusat
2|sampah plastik menumpuk di laut dan pantai wisata, penyu banyak mati makan plastik|Dinas Kelautan dan Perikanan {prov}|provinsi
3|Reklamasi pantai untuk proyek properti menggusur kampung nelayan {desa}|Dinas Kelautan dan Perikanan {prov}|provinsi
3|Pulau kecil di dekat {place} dijual ke investor asing, warga tidak boleh mendarat|Kementerian Kelautan dan Perikanan|pusat
3|Hutan mangrove di pesisir ditebang untuk tambak udang ilegal|Dinas Kelautan dan Perikanan {prov}|provinsi
4|Abrasi pantai di {desa} makin parah, puluhan rumah nelayan sudah ambruk ke laut|Dinas Kelautan dan Perikanan {prov}|provinsi
4|tanggul pemecah ombak rusak, air laut masuk ke kampung saat pasang (rob)|Dinas Kelautan dan Perikanan {prov}|provinsi
5|Danau di {place} dipenuhi keramba jaring apung berlebihan, air tercemar dan ikan mati massal|Dinas Kelautan dan Perikanan {prov}|provinsi
5|eceng gondok menutup seluruh permukaan danau, perahu nelayan tidak bisa lewat|Dinas Kelautan dan Perikanan {prov}|provinsi
6|Kapal penumpang antar pulau kelebihan muatan dan tidak ada pelampung cukup|Kementerian Perhubungan|pusat
6|Speedboat ke pulau tidak memakai life jacket, kemarin ada yang terbalik|Kementerian Perhubungan|pusat
""",
}
